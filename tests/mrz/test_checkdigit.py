import pytest

from workstation.mrz.checkdigit import check_digit, verify


def test_icao_worked_examples() -> None:
    # Doc 9303 part 3 worked example and the specimen passport's fields.
    assert check_digit("520727") == "3"
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("120415") == "9"
    assert check_digit("ZE184226B<<<<<") == "1"
    assert verify("AB2134<<<", "5")
    assert not verify("AB2134<<<", "4")
    assert not verify("ab", "0")


def test_rejects_non_mrz_characters() -> None:
    with pytest.raises(ValueError):
        check_digit("a1")
