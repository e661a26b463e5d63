from services.common.expiring import ExpiringCache


def test_an_entry_is_returned_only_before_its_end_and_an_expired_one_is_dropped():
    cache = ExpiringCache(size=10)
    cache.put("a", 1, until=100.0)
    assert cache.get("a", 99.9) == 1
    assert cache.get("a", 100.0) is None and len(cache) == 0
    assert cache.get("missing", 0.0) is None


def test_past_its_size_the_least_recently_used_entry_goes_first():
    cache = ExpiringCache(size=2)
    cache.put("a", 1, until=100.0)
    cache.put("b", 2, until=100.0)
    assert cache.get("a", 0.0) == 1  # now b is the least recently used
    cache.put("c", 3, until=100.0)
    assert (cache.get("a", 0.0), cache.get("b", 0.0), cache.get("c", 0.0)) == (1, None, 3) and len(cache) == 2
