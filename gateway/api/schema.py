"""The small JSON Schema subset the REST API declares its inputs with, and the validator that checks
request bodies and query strings against it, naming every offending field in Russian."""
import datetime
import re
import uuid

INT32 = (-(2**31), 2**31 - 1)
BAD_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")  # control characters, lone surrogates


def string(**extra) -> dict:
    return {"type": "string", **extra}


UUID = string(format="uuid")
DATE = string(format="date")
INTEGER = {"type": "integer", "format": "int32"}
BOOLEAN = {"type": "boolean"}


def enum(*values: str) -> dict:
    return string(enum=list(values))


def array(items: dict) -> dict:
    return {"type": "array", "items": items}


def mapping(values: dict) -> dict:
    """An object of any keys, every value of the schema `values` (a protobuf map)."""
    return {"type": "object", "properties": {}, "additionalProperties": values}


def obj(required: dict[str, dict], optional: dict[str, dict] | None = None) -> dict:
    schema = {"type": "object", "properties": {**required, **(optional or {})}, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    return schema


_TYPE_NAMES = {"string": "строка", "integer": "целое число", "boolean": "логическое значение (true/false)",
               "array": "массив", "object": "объект"}


def _is_type(value, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, {"string": str, "boolean": bool, "array": list, "object": dict}[kind])


def _format_ok(value: str, fmt: str) -> bool:
    try:
        if fmt == "uuid":
            uuid.UUID(value)
        else:
            datetime.date.fromisoformat(value)
        return re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None if fmt == "date" else True
    except ValueError:
        return False


_FORMAT_MESSAGES = {"uuid": "Ожидается идентификатор (UUID)", "date": "Ожидается дата в формате ГГГГ-ММ-ДД"}


def validate(value, schema: dict, path: str = "", errors: dict[str, str] | None = None,
             required: bool = True) -> dict[str, str]:
    """Returns {field path: Russian message} for everything wrong with `value`; empty when it is valid."""
    errors = {} if errors is None else errors
    where = path or "body"
    kind = schema["type"]
    if not _is_type(value, kind):
        errors[where] = f"Ожидается {_TYPE_NAMES[kind]}"
    elif kind == "string":
        if BAD_CHARACTERS.search(value):
            errors[where] = "Недопустимые символы в строке"
        elif "enum" in schema and value not in schema["enum"]:
            errors[where] = "Допустимые значения: " + ", ".join(schema["enum"])
        elif "format" in schema and (value or required) and not _format_ok(value, schema["format"]):
            errors[where] = _FORMAT_MESSAGES[schema["format"]]
    elif kind == "integer" and not INT32[0] <= value <= INT32[1]:
        errors[where] = "Число вне допустимого диапазона"
    elif kind == "array":
        for i, item in enumerate(value):
            validate(item, schema["items"], f"{path}[{i}]", errors)
    elif kind == "object":
        prefix = f"{path}." if path else ""
        for name in schema.get("required", []):
            if name not in value or value[name] is None:
                errors[prefix + name] = "Обязательное поле"
        for name, item in value.items():
            if name not in schema["properties"] and isinstance(schema.get("additionalProperties"), dict):
                validate(item, schema["additionalProperties"], prefix + name, errors)
            elif name not in schema["properties"]:
                errors[prefix + name] = "Неизвестное поле"
            elif item is not None:
                validate(item, schema["properties"][name], prefix + name, errors, name in schema.get("required", []))
    return errors
