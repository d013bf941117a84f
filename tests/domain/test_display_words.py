from app.domain.display_words import arm_title, code_words, drug_name


def test_arm_titles():
    assert arm_title("A", "IVIG") == "Arm A — IVIG"
    assert arm_title("tnf", "TNF-α inhibitor (adalimumab or infliximab)") == (
        "TNF-α inhibitor (adalimumab or infliximab)")  # never "Arm tnf"
    assert arm_title("mp", "Methotrexate + prednisone (MP)") == "Methotrexate + prednisone (MP)"


def test_drug_names():
    assert drug_name("ivig") == "IVIG"
    assert drug_name("IVIG") == "IVIG"
    assert drug_name("methotrexate") == "methotrexate"
    assert drug_name("iv methylprednisolone") == "IV methylprednisolone"


def test_codes_in_words():
    assert code_words("inadequate_response") == "Inadequate response"
    assert code_words("not_started") == "Not started"
