import random

from bench.load import Run, sample_classes


def seed_of(classes_per_school: list[int]) -> dict:
    return {"size": "x", "schools": [
        {"id": f"s{i}", "probe": {"school_id": f"s{i}"}, "class_groups": [{"id": f"s{i}c{j}"} for j in range(n)]}
        for i, n in enumerate(classes_per_school)]}


def test_a_sample_draws_across_schools_and_keeps_the_probe_school_first():
    sampled = sample_classes(seed_of([3, 5, 4, 6]), 6, random.Random(1))
    ids = [g["id"] for school in sampled["schools"] for g in school["class_groups"]]
    assert sampled["schools"][0]["id"] == "s0" and "s0c0" in ids
    assert 6 <= len(ids) <= 7 and len(set(ids)) == len(ids)
    assert all(school["class_groups"] for school in sampled["schools"])


def test_the_same_seed_draws_the_same_sample():
    assert sample_classes(seed_of([9, 9]), 5, random.Random(3)) == sample_classes(seed_of([9, 9]), 5, random.Random(3))


def test_an_open_loop_spaces_requests_by_the_rate_and_a_closed_loop_does_not_wait():
    run = Run({"diary": 1}, requests=3, deadline=float("inf"), trivial=None, rate=10.0, started=100.0)
    assert [run.take() for _ in range(4)] == [100.0, 100.1, 100.2, None]
    closed = Run({"diary": 1}, requests=1, deadline=float("inf"), trivial=None)
    assert closed.take() is not None and closed.take() is None
