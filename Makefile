# The README's two commands are `make run` and `make test`; both do all set-up first.
# Everything else here is a shortcut for developers.

export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := 3.11

.PHONY: setup system run test check lint typecheck bench faults-scale schemas docs infra-up infra-down infra-status

setup: system tests/browser/node_modules/.package-lock.json services/portal/assets/node_modules/.package-lock.json
	@uv sync --frozen --quiet
	@bash deploy/helm/install-tools.sh

# Debian's packages first (as root): uv, PostgreSQL, a JDK, Maven, Chromium, npm.
system:
	@if [ "$$(id -u)" = 0 ]; then bash deploy/local/install.sh; fi

# axe-core for the browser check, exactly as locked (npm ci); again when the lock changes.
tests/browser/node_modules/.package-lock.json: tests/browser/package-lock.json | system
	@cd tests/browser && npm ci --no-audit --no-fund --loglevel=error

# The portal's NL Design System CSS and htmx, exactly as locked; served from node_modules.
services/portal/assets/node_modules/.package-lock.json: services/portal/assets/package-lock.json | system
	@cd services/portal/assets && npm ci --no-audit --no-fund --loglevel=error

run: setup
	uv run samen up

test: setup
	uv run pytest

check: setup lint typecheck

lint:
	uv run ruff check .
	uv run ruff format --check .

typecheck:
	uv run mypy

# Benchmarks at full size (CI runs them at a smoke size inside `make test`).
bench: setup
	uv run python tests/bench/bench_outbox.py --events 20000
	uv run python -m tests.bench.bench_broadcast --guardians 20000
	uv run python tests/bench/bench_smtp.py --messages 5000
	uv run python -m tests.bench.bench_plans_due_scan --opps 200000
	uv run python tests/bench/bench_audit_append.py --events 100000
	uv run python tests/bench/bench_audit_verify.py --entries 1000000
	uv run python tests/bench/bench_portal.py --users 50 --requests 20
	uv run python -m tests.bench.bench_region --sizes 10000,30000,100000

# The fault test on a Kafka cluster at its full size (CI runs 4,000 guardians in `make test`).
faults-scale: setup
	SAMEN_SCALE_GUARDIANS=20000 uv run pytest tests/e2e/faults/test_faults_cluster.py

schemas:
	uv run python -m samen_contract.schemas write

# Each service's committed openapi.json and asyncapi.json.
docs:
	uv run python -m samen_kit.apidocs write

infra-up: setup
	uv run samen infra up

infra-down:
	uv run samen infra down

infra-status:
	uv run samen infra status
