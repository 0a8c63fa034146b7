"""Per-character keys: folding, pinyin, initials, polyphonic spellings."""

from __future__ import annotations

from quickreply.core.textkeys import TextKeys


def test_normalize_folds_case_width_traditional_and_controls() -> None:
    keys = TextKeys()
    assert keys.normalize("退貨") == "退货"
    assert keys.normalize("ＴＫ退款") == "tk退款"
    assert keys.normalize("長髮") == "长发"
    assert keys.normalize("a\x00b\x07c") == "a b c"
    assert keys.normalize("x\ud800y") == "x y"
    assert keys.normalize("😀") == "😀"


def test_pinyin_initials_and_marks_are_aligned() -> None:
    keys = TextKeys()
    norm = keys.normalize("退货地址A1")
    assert keys.pinyin(norm) == "tuihuodizhia1"
    assert keys.marked(norm) == "TuiHuoDiZhia1"
    assert keys.initials(norm) == "thdza1"
    assert len(keys.initials(norm)) == len(norm)


def test_common_readings_first() -> None:
    keys = TextKeys()
    keys.normalize("长期绿色")
    assert keys.readings("长")[0] == "chang"
    assert "zhang" in keys.readings("长")
    assert keys.readings("绿")[0] == "lv"


def test_spellings_cover_the_second_reading_of_common_polyphones() -> None:
    keys = TextKeys()
    spellings = [m.lower() for m, _ in keys.spellings(keys.normalize("银行"))]
    assert spellings[0] == "yinxing"
    assert "yinhang" in spellings
    # 说 has a rare reading (shui): not indexed.
    assert [m.lower() for m, _ in keys.spellings(keys.normalize("说明"))] == ["shuoming"]


def test_tables_round_trip_for_the_cache() -> None:
    keys = TextKeys()
    keys.normalize("退貨银行")
    again = TextKeys(keys.fold_map, keys.readings_map)
    assert again.normalize("退貨") == "退货"
    assert again.pinyin(again.normalize("银行")) == "yinxing"


def test_spellings_fast_path_matches_the_general_one() -> None:
    keys = TextKeys()
    for text in ("退货地址", "银行卡退款", "店长推荐", "iphone退货", "a1 b2", "长长长长", ""):
        norm = keys.normalize(text)
        spellings = keys.spellings(norm)
        assert spellings[0] == keys.default_spelling(norm)
    assert [m for m, _ in keys.spellings(keys.normalize("银行"))] == ["YinXing", "YinHang"]
    assert keys.spellings(keys.normalize("物流查询A1")) == [("WuLiuChaXuna1", "wlcxa1")]


def test_the_character_dictionary_read_from_its_file_is_pypinyins() -> None:
    # Read without importing pypinyin (a first start's cost); an upgrade that moves the file
    # still gives the same table, through the package.
    from pypinyin.pinyin_dict import pinyin_dict

    from quickreply.core.textkeys import load_pinyin_dict

    assert load_pinyin_dict() == pinyin_dict


def test_the_shipped_phrase_readings_are_pypinyins() -> None:
    # After a pypinyin upgrade: python -m quickreply.core.phrases
    from quickreply.core.phrases import DATA_FILE, derive, render

    keys = TextKeys()
    assert DATA_FILE.read_text(encoding="utf-8") == render(derive(keys.dictionary_readings))


def test_contextual_readings_keep_one_character_per_character() -> None:
    keys = TextKeys()
    for text, pinyin in [
        ("着急", "zhaoji"),
        ("会计", "kuaiji"),
        ("会的", "huide"),
        ("银行", "yinhang"),
    ]:
        norm = keys.normalize(text)
        read = keys.contextual(norm)
        assert len(read) == len(norm)
        assert keys.pinyin(read) == pinyin


def test_numbers_fold_to_digits() -> None:
    from quickreply.core.textkeys import fold_numbers

    assert fold_numbers("七天无理由") == "7天无理由"
    assert fold_numbers("两件") == "2件"
    assert fold_numbers("十五天") == "15天"
    assert fold_numbers("满九十九元") == "满99元"
