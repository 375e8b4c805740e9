"""Signals other apps listen to, so `accounts` never imports them.

- `account_created(user, request)`: a visitor has just signed up (the account is not confirmed
  yet). Apps attach what the visitor did before signing up, e.g. learning progress kept in the
  session, to the new account.
- `account_activated(user, request)`: the owner confirmed the address and chose a password.
  Django's `user_logged_in` follows at once.
"""

from django.dispatch import Signal

account_created = Signal()
account_activated = Signal()
