"""The trivial baseline endpoint: a WSGI app that answers a small JSON document, served by gunicorn with
the gateway's worker settings (see services/launcher.py)."""
import json

BODY = json.dumps({"status": "ok", "message": "Отметка"}, ensure_ascii=False).encode()


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(BODY)))])
    return [BODY]
