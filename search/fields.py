"""A list of integers stored in one column, readable by SQL on both databases.

Django has ArrayField for PostgreSQL only; the portal also runs on SQLite. This stores
`integer[]` on PostgreSQL (which SQL reads with `unnest` and `&&`) and a JSON array as text
elsewhere (read with SQLite's `json_each`). search.summary writes the SQL for each.
"""

import json

from django.core.exceptions import ValidationError
from django.db import models


class IntegerListField(models.Field):
    description = "A list of integers"

    def db_type(self, connection):
        return "integer[]" if connection.vendor == "postgresql" else "text"

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or isinstance(value, list):
            return value
        try:
            parsed = json.loads(value)
        except (TypeError, ValueError) as error:
            raise ValidationError("Enter a list of whole numbers.") from error
        if not isinstance(parsed, list):
            raise ValidationError("Enter a list of whole numbers.")
        return parsed

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        numbers = sorted({int(number) for number in value})
        return numbers if connection.vendor == "postgresql" else json.dumps(numbers)
