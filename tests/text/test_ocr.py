import pytest

from app.text.ocr import repair_number, repair_year


@pytest.mark.parametrize("token, expected", [
    ("1", "1"), ("l", "1"), ("I", "1"), ("O", "0"), ("1O", "10"), ("2l", "21"), ("l2", "12"),
    ("5A", "5A"), ("14B", "14B"), ("1l", "11"), ("abc", None), ("", None), ("ll", None),
])
def test_repair_number(token, expected):
    assert repair_number(token) == expected


@pytest.mark.parametrize("token, expected", [("2019", 2019), ("2OL9", 2019), ("2O14", 2014), ("1850", None), ("19", None)])
def test_repair_year(token, expected):
    assert repair_year(token) == expected
