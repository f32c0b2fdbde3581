"""People across articles: merging by full name, the single-name rule, conflicting roles."""

from __future__ import annotations

import pytest

from onrecord.store import Store
from onrecord.store.people import name_key, roles_compatible, surname_key


def names_and_counts(store: Store) -> list[tuple[str, int]]:
    return sorted((p["name"], p["quotations"]) for p in store.people(limit=100)[0])


def test_store_people_same_full_name_is_one_person(store: Store, extraction_factory) -> None:
    store.add(extraction_factory("a1", [("Andrew Scott", "One thing.")], people=[("Andrew Scott", ["actor"])],
                                 date="2023-11-01", outlet="Variety"))
    store.add(extraction_factory("a2", [("andrew  scott", "Another thing.")], date="2023-11-05", outlet="BBC"))
    (person,), total = store.people()
    assert total == 1
    assert person["quotations"] == 2 and person["articles"] == 2
    assert person["name"] == "Andrew Scott" and person["roles"] == ["actor"]
    assert person["outlets"] == ["BBC", "Variety"]
    assert (person["first_date"], person["last_date"]) == ("2023-11-01", "2023-11-05")


def test_store_people_single_name_never_merges(store: Store, extraction_factory) -> None:
    store.add(extraction_factory("a1", [("Andrew", "One thing.")]))
    store.add(extraction_factory("a2", [("Andrew", "Another thing.")]))
    store.add(extraction_factory("a3", [("Andrew Scott", "A third thing.")]))
    assert names_and_counts(store) == [("Andrew", 1), ("Andrew", 1), ("Andrew Scott", 1)]
    assert store.quotes(speaker="Andrew")[1] == 2  # each "Andrew" is still found by name


def test_store_people_conflicting_roles_stay_apart(store: Store, extraction_factory) -> None:
    store.add(extraction_factory("a1", [("John Smith", "Pipes leak.")], people=[("John Smith", ["plumber"])]))
    store.add(extraction_factory("a2", [("John Smith", "Vote for me.")], people=[("John Smith", ["senator"])]))
    store.add(extraction_factory("a3", [("John Smith", "The law passed.")],
                                 people=[("John Smith", ["Democratic senator"])]))
    store.add(extraction_factory("a4", [("John Smith", "No comment.")]))  # no roles: joins the first
    people, total = store.people(limit=10)
    assert total == 2
    by_roles = {tuple(p["roles"]): p["quotations"] for p in people}
    assert by_roles == {("plumber",): 2, ("senator", "Democratic senator"): 2}


def test_store_people_query_and_paging(store: Store, extraction_factory) -> None:
    for i, name in enumerate(["Ann Lee", "Bob Lee", "Cy Young"]):
        store.add(extraction_factory(f"a{i}", [(name, f"Quote number {i}.")] * (i + 1)))
    rows, total = store.people(limit=2)
    assert total == 3 and [r["name"] for r in rows] == ["Cy Young", "Bob Lee"]  # most quoted first
    assert [r["name"] for r in store.people(limit=2, offset=2)[0]] == ["Ann Lee"]
    rows, total = store.people(query="LEE")
    assert total == 2 and {r["name"] for r in rows} == {"Ann Lee", "Bob Lee"}


def test_store_person_detail_and_mentions(store: Store, extraction_factory) -> None:
    extraction = extraction_factory("a1", [("Jane Roe", "I spoke with Tom Hale yesterday.")],
                                    people=[("Jane Roe", ["mayor"])])
    text = extraction.article.text
    start = text.index("Tom Hale")
    extraction.people.append(type(extraction.people[0])("Tom Hale", ["aide"], [(start, start + 8)]))
    store.add(extraction)
    jane_id = store.quotes(speaker="Roe")[0][0]["speaker"]["person_ids"][0]
    detail = store.person(jane_id)
    assert detail is not None and detail["name"] == "Jane Roe" and detail["roles"] == ["mayor"]
    assert [q["text"] for q in detail["quotes"]] == ["I spoke with Tom Hale yesterday."]
    assert [(m["name"], m["quotations"]) for m in detail["mentioned"]] == [("Tom Hale", 1)]
    assert store.person(999_999) is None


@pytest.mark.parametrize(("left", "right", "expected"), [
    ([], ["actor"], True),
    (["actor"], ["actor", "writer"], True),
    (["senator"], ["Democratic senator"], True),
    (["US senator"], ["state senator"], True),
    (["former governor"], ["governor"], True),
    (["plumber"], ["senator"], False),
    (["actor"], ["President"], False),
])
def test_store_people_roles_compatible(left: list[str], right: list[str], expected: bool) -> None:
    assert roles_compatible(left, right) is expected
    assert roles_compatible(right, left) is expected


def test_store_people_name_keys() -> None:
    assert name_key("  Andrew   SCOTT. ") == "andrew scott"
    assert name_key("José Martí") == "jose marti"
    assert surname_key("Martin Luther King Jr.") == "king"
    assert surname_key("Andrew") == "andrew"


def test_store_people_counts_follow_replacement(store: Store, extraction_factory) -> None:
    store.add(extraction_factory("a1", [("Jane Roe", "One."), ("Jane Roe", "Two.")]))
    store.add(extraction_factory("a2", [("Jane Roe", "Three.")]))
    assert names_and_counts(store) == [("Jane Roe", 3)]
    store.add(extraction_factory("a1", [("John Doe", "Four.")], people=[("Jane Roe", [])]))
    assert names_and_counts(store) == [("Jane Roe", 1), ("John Doe", 1)]
    store.delete_article("a2")
    assert names_and_counts(store) == [("Jane Roe", 0), ("John Doe", 1)]
