import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True, scope="session")
def compiled_catalogues(django_db_blocker):
    """The .mo files are build products (git-ignored), made by `make`; make them if missing."""
    from django.utils.translation import trans_real

    call_command("compile_translations", verbosity=0)
    trans_real._translations = {}  # forget catalogues read before the .mo files existed
    trans_real._default = None
