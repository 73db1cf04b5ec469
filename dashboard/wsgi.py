"""Production serving: gunicorn with several worker processes.

``brain-circuits serve --workers N`` loads the content and meshes once in
the master process and forks the workers from it, so they share the mesh
memory. Callbacks keep no per-user state in the process (the state lives in
the browser's URL and stores), so any worker answers any request, and more
machines behind a load balancer scale the same way.

For another WSGI server: ``gunicorn 'dashboard.wsgi:application'``.
"""

from __future__ import annotations

from functools import cached_property

__all__ = ["serve_with_gunicorn", "application"]


def serve_with_gunicorn(server, host: str, port: int, workers: int) -> None:
    """Run ``server`` (a Flask app) under gunicorn until interrupted."""
    from gunicorn.app.base import BaseApplication

    class Application(BaseApplication):
        def load_config(self):
            options = {
                "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                "workers": workers,
                "preload_app": True,
                "timeout": 120,  # a cold export can take a few seconds
                "graceful_timeout": 10,
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return server

    Application().run()


class _Lazy:
    """The WSGI callable for external servers, built on first use."""

    @cached_property
    def server(self):
        from dashboard.app import create_app

        return create_app().server

    def __call__(self, environ, start_response):
        return self.server(environ, start_response)


application = _Lazy()
