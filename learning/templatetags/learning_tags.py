from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def question_state(context, question_id):
    """The learner's state of one question, from the lesson page's `quiz_states`."""
    states = context.get("quiz_states") or {}
    return states.get(str(question_id))


@register.filter
def is_done(status_or_keys, lesson):
    """Whether `lesson` is done, given a ModuleStatus or a set of lesson keys."""
    key = str(lesson.translation_key)
    done = getattr(status_or_keys, "done", status_or_keys) or ()
    return key in done
