#!/usr/bin/env bash
# Builds the Python package and runs its tests: pytest on python/tests (the package against
# the CLI, and examples/spark on Spark in local mode).
#
#   scripts/python-tests.sh [PYTEST_ARGS...]     # from anywhere; .ci/run calls it
#
# 1. Java for Spark: when `java` is missing, openjdk-17-jre-headless from the distribution's
#    packages (apt-get; as root, as CI runs). Without it the Spark tests skip.
# 2. A virtual environment in target/python-venv (WHOSAID_VENV overrides; kept between runs,
#    like the rest of target/) with maturin, pytest, pandas, pyarrow and pyspark from PyPI.
# 3. `pip install ./python`, as a user would (with the environment's maturin, so no second
#    download), which builds the extension in release mode.
# 4. The CLI the tests compare against: $WHOSAID_BIN, else a fresh `cargo build` (debug,
#    which `cargo test` has already built in CI).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${WHOSAID_VENV:-target/python-venv}
python=${PYTHON:-python3}

if ! command -v java >/dev/null; then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        echo "== installing Java for Spark (openjdk-17-jre-headless)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    else
        echo "== no java and no way to install it: the Spark tests will skip" >&2
    fi
fi

if [[ ! -x $venv/bin/python ]]; then
    echo "== virtual environment in $venv"
    "$python" -m venv "$venv"
fi
# As if activated: maturin's build backend runs the `maturin` it finds on PATH.
venv=$(cd "$venv" && pwd)
export PATH="$venv/bin:$PATH" VIRTUAL_ENV="$venv"
echo "== maturin, pytest, pandas, pyarrow, pyspark"
# pandas < 3: pyspark 4 warns that it does not support pandas 3 yet.
"$venv/bin/pip" install -q --disable-pip-version-check maturin pytest "pandas<3" pyarrow pyspark

echo "== pip install ./python"
"$venv/bin/pip" install -q --disable-pip-version-check --no-build-isolation --force-reinstall \
    --no-deps ./python

if [[ -z ${WHOSAID_BIN:-} ]]; then
    cargo build --quiet --bin whosaid
    WHOSAID_BIN=$(cargo metadata --format-version 1 --no-deps |
        "$python" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')/debug/whosaid
fi
export WHOSAID_BIN

echo "== pytest python/tests"
# Run from the repository root: the source tree's python/whosaid (without the compiled
# module) must not shadow the installed package.
"$venv/bin/pytest" -q -p no:cacheprovider python/tests "$@"
