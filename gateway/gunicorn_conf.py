"""gunicorn settings the gateway always runs with (`gunicorn --config python:gateway.gunicorn_conf`), wherever it runs:
the launcher, the chart and the benchmarks. Workers, threads and the address are given on the command line.

keepalive: how long an idle kept-alive connection stays open. gunicorn's default (2 s) is shorter than the idle
reuse of ordinary HTTP clients, so the server could close a connection just as a client sent its next request on
it (the client then sees "connection reset / remote end closed"). 75 s outlasts the idle timeout of the proxies and
load balancers usually put in front (an nginx ingress keeps idle upstream connections 60 s), so the side that closes
an idle connection is the client's side, never the gateway under a request in flight."""
keepalive = 75
