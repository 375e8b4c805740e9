"""wagtail-localize's machine translator, configured from the environment, or none at all.

Nothing depends on it: without a key the localize editor simply offers no "Translate with
machine" button. With MACHINE_TRANSLATOR=deepl and DEEPL_AUTH_KEY, or
MACHINE_TRANSLATOR=libretranslate with LIBRETRANSLATE_URL (and LIBRETRANSLATE_API_KEY if the
server wants one), translators get a first draft they still review.
"""

import os


def machine_translator_from_env(environ=os.environ):
    """The WAGTAILLOCALIZE_MACHINE_TRANSLATOR setting the environment asks for, or None."""
    kind = environ.get("MACHINE_TRANSLATOR", "").strip().lower()
    if kind == "deepl" and environ.get("DEEPL_AUTH_KEY"):
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": environ["DEEPL_AUTH_KEY"], "TIMEOUT": 30},
        }
    if kind == "libretranslate" and environ.get("LIBRETRANSLATE_URL"):
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": environ["LIBRETRANSLATE_URL"],
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
                "TIMEOUT": 30,
            },
        }
    return None
