# The two commands the README names:
#   make serve   installs what is missing, builds the page and serves it on http://127.0.0.1:8080
#   make test    installs what is missing and runs every test (native, browser components, end to end)
# Everything else here is a helper they call.

export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
PORT ?= 8080

.PHONY: serve test setup build bench eval fuzz

setup:
	scripts/setup.sh

serve: setup
	scripts/trunk.sh serve --release --address 127.0.0.1 --port $(PORT) --no-autoreload --dist target/serve-dist

test: setup
	scripts/test.sh

build: setup
	scripts/trunk.sh build --release

bench: setup
	scripts/bench.sh

eval:
	python3 ../shared/eval/evaluate.py

fuzz:
	scripts/fuzz.sh
