from rest_framework import serializers


class TermSerializer(serializers.Serializer):
    """A term as API clients need it: the slug to filter by and the name to show."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
