"""The gateway's WSGI entry point for gunicorn: `gunicorn gateway.wsgi:app`."""
from gateway.app import create_app
from services.common import logs

logs.setup("gateway")
app = create_app()
