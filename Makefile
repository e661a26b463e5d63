# The two commands that matter: `make run` (the product with a demo school) and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
PY := .venv/bin/python
DEBIAN_PACKAGES := fonts-dejavu-core poppler-utils chromium openssl pgbackrest libengine-gost-openssl wrk
CACHE := $(or $(OTMETKA_CACHE_DIR),$(HOME)/.cache/otmetka)
HELM_VERSION := v3.22.0
export OTMETKA_HELM := $(CACHE)/helm/$(HELM_VERSION)/helm

.PHONY: install stack deploy apps run stop test lint protos check-protos clean-state bench faults backup restore-drill image \
	kube-test

.venv/.installed: requirements.lock pyproject.toml
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi
	test -x $(PY) || python3.11 -m venv .venv || python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $@

install: .venv/.installed

stack:
	bash infra/stack.sh up

deploy: install stack
	$(PY) -m services.deploy

apps: deploy
	$(PY) -m services.launcher up

run: apps
	$(PY) -m services.tooling.demo_seed

stop:
	-$(PY) -m services.launcher down
	bash infra/stack.sh down

protos: install
	$(PY) -m proto.generate

check-protos: install
	$(PY) -m proto.generate --check

$(OTMETKA_HELM):
	rm -rf $(CACHE)/helm/$(HELM_VERSION).tmp
	PATH="$$PATH:/usr/local/go/bin" GOTOOLCHAIN=local CGO_ENABLED=0 GOBIN=$(CACHE)/helm/$(HELM_VERSION).tmp \
	  GOMODCACHE=$(CACHE)/go/mod GOCACHE=$(CACHE)/go/cache go install helm.sh/helm/v3/cmd/helm@$(HELM_VERSION)
	rm -rf $(CACHE)/helm/$(HELM_VERSION)
	mv -T $(CACHE)/helm/$(HELM_VERSION).tmp $(CACHE)/helm/$(HELM_VERSION)

# Backups (docs/operations.md "Backup and restore"): a pgBackRest backup of the whole PostgreSQL cluster (WAL is
# archived continuously) and a dated tar of the installation's secrets beside it. BACKUP_TYPE=full|diff|incr; an
# operator schedules `make backup` weekly (full) and `make backup BACKUP_TYPE=diff` daily.
BACKUP_TYPE := full

backup: install
	$(PY) -m services.tooling.backup backup --type=$(BACKUP_TYPE)

# A full backup, a row before and after a moment, the cluster restored to that moment into a scratch cluster on a free
# port, checked and stopped, with the time each step took. RESTORE_DRILL_ARGS=--no-backup restores the newest backup.
restore-drill: install stack
	$(PY) -m services.tooling.backup drill $(RESTORE_DRILL_ARGS)

# Benchmarks of the running installation (127.0.0.1 only, ~2.5 min; not part of `make test`): docs/performance.md
bench: install
	bash bench/run.sh

# The fault suite (docs/reliability.md): on the installation `make run` started, each part killed in turn under load.
faults: install
	$(PY) -m bench.faults

lint: install
	$(PY) -m ruff check .
	$(PY) -m services.tooling.import_graph

# Tests run in a random order (pytest-randomly), a new one each run unless OTMETKA_TEST_SEED names it: a test that
# passes only after another one, or only alone, shows up. The seed is printed first; docs/operations.md says how
# to run a failing order again.
TEST_SEED := $(or $(OTMETKA_TEST_SEED),$(shell echo $$(( $$(od -An -N4 -tu4 /dev/urandom) % 1000000 ))))

test: lint check-protos apps $(OTMETKA_HELM)
	@echo "test order: random, seed $(TEST_SEED) (again: make test OTMETKA_TEST_SEED=$(TEST_SEED))"
	$(PY) -m pytest -q -p no:cacheprovider --randomly-seed=$(TEST_SEED) --ignore=tests/kube tests

# The one OCI image of every process (infra/image/build.sh: the Debian base once per machine, then the commit's layers);
# IMAGE_ARGS=--check builds the commit's layers a second time without the cache and compares them.
image:
	bash infra/image/build.sh $(IMAGE_ARGS)

# The chart's pods from that image under podman against the native stack, the end-to-end smoke through them
# (tests/kube; docs/operations.md "Running on Kubernetes"). Replaces our native processes on their ports meanwhile.
kube-test: apps image $(OTMETKA_HELM)
	$(PY) -m pytest -q -p no:cacheprovider -p no:randomly tests/kube
