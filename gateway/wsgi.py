"""The gateway's WSGI entry point for gunicorn: `gunicorn gateway.wsgi:app`."""
from gateway.app import create_app
from services.common import logs, tracing

logs.setup("gateway")
tracing.setup("gateway")
app = create_app()
