#!/usr/bin/env bash
# The whole benchmark, about 5 minutes (plus loading the town once, ~10 minutes) against 127.0.0.1 only: seed (once per size), the trivial gunicorn
# baseline, the mixed load with the mark->summary probe, the pgbench baseline, the ratios.
# Knobs: BENCH_SIZE (town), BENCH_DAYS (2, days of lessons the loader saves), BENCH_THREADS (8), BENCH_SECONDS (60),
# BENCH_RATES ("30 60 90 120": open-loop rates of the target mix), BENCH_CLASSES (0 = all; a city: e.g. 400).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
SIZE=${BENCH_SIZE:-town}; THREADS=${BENCH_THREADS:-8}; DURATION=${BENCH_SECONDS:-60}
BENCH_DIR=${OTMETKA_STATE_DIR:-.run}/bench
mkdir -p "$BENCH_DIR"
[[ -f $BENCH_DIR/seed-$SIZE.json ]] || $PY -m bench.seed --size "$SIZE" --days "${BENCH_DAYS:-2}"
PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# the gateway's worker settings (services/launcher.py), its access log to a file like the launcher's
$PY -m gunicorn --config python:gateway.gunicorn_conf --workers 2 --threads 4 --bind "127.0.0.1:$PORT" --access-logfile - bench.trivial_app:app \
  >"$BENCH_DIR/trivial-gunicorn.log" 2>&1 &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.2; done
$PY -m bench.load --trivial "http://127.0.0.1:$PORT/" --threads "$THREADS" --seconds 30
$PY -m bench.wrk --trivial "http://127.0.0.1:$PORT/" --seconds 30 --connections 32
kill $GUNICORN; wait $GUNICORN 2>/dev/null || true
$PY -m bench.load --size "$SIZE" --threads "$THREADS" --seconds "$DURATION" --probe 50 --cpu \
  --classes "${BENCH_CLASSES:-0}"
# one operation alone, for the ratios to the baselines (saves vs pgbench, diary reads vs the trivial endpoint)
$PY -m bench.load --size "$SIZE" --threads "$THREADS" --seconds 30 --mix save=1 --label saves-only \
  --classes "${BENCH_CLASSES:-0}"
$PY -m bench.load --size "$SIZE" --threads "$THREADS" --seconds 30 --mix diary=1 --label diary-only \
  --classes "${BENCH_CLASSES:-0}"
# the same with wrk over many students, lessons and tokens (the issue-17 ratios)
$PY -m bench.wrk --size "$SIZE" --classes "${BENCH_CLASSES:-0}" --operation diary --seconds 30 --connections 32
$PY -m bench.wrk --size "$SIZE" --classes "${BENCH_CLASSES:-0}" --operation save --seconds 30 --connections 16
$PY -m bench.pg_baseline --clients "$THREADS" --seconds 20 --fsync-cluster
# the issue's target mix (a save for every two diary reads; the target is 100 + 200 a second) as an open loop at
# rising rates, each 30 s, acting in a sample of classes across the size (BENCH_CLASSES, 0 = all)
rm -f "$BENCH_DIR"/results-target-*.json
for RATE in ${BENCH_RATES:-30 60 90 120}; do
  $PY -m bench.load --size "$SIZE" --mix save=1,diary=2 --rate "$RATE" --threads 64 --seconds 30 \
    --classes "${BENCH_CLASSES:-0}" --cpu --label "target-$RATE"
done
$PY -m bench.report --size "$SIZE"
