import alerts.models
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('content_areas', '0004_alter_contentareaindexpage_options_and_more'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='Subscription',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('email', models.EmailField(max_length=254, unique=True, verbose_name='e-mail address')),
                ('language', models.CharField(choices=alerts.models.languages, max_length=12, verbose_name='language')),
                ('confirmed_at', models.DateTimeField(help_text='When the owner of the address confirmed the subscription (their consent).', verbose_name='confirmed')),
                ('covered_until', models.DateTimeField(verbose_name='digests cover up to')),
                ('last_sent_at', models.DateTimeField(blank=True, null=True, verbose_name='last digest sent')),
                ('content_areas', models.ManyToManyField(blank=True, related_name='+', to='content_areas.contentareapage', verbose_name='content areas')),
                ('topics', models.ManyToManyField(blank=True, help_text='No topics and no content areas: everything new in the language.', related_name='+', to='taxonomy.topic', verbose_name='topics')),
            ],
            options={
                'verbose_name': 'e-mail alert subscription',
                'verbose_name_plural': 'e-mail alert subscriptions',
                'ordering': ['-confirmed_at'],
            },
        ),
    ]
