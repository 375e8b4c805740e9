"""The API's throttle, in a module of its own because DRF imports it while defining APIView."""

from rest_framework import throttling
from rest_framework.settings import api_settings


class AnonRateThrottle(throttling.AnonRateThrottle):
    """DRF's anonymous throttle, reading its rate when a request comes in.

    DRF copies the rates into its throttle classes when it is first imported, so a settings
    override (a test's override_settings, say) would otherwise never reach them.
    """

    @property
    def THROTTLE_RATES(self):
        return api_settings.DEFAULT_THROTTLE_RATES
