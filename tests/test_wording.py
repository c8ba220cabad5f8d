"""The core's sentences for people: English everywhere, translatable where they are shown."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

from alexnet_desktop.core.data.datasets import DatasetError, dataset_from_class_folders
from alexnet_desktop.core.data.images import ImageDecodeError, decode_image
from alexnet_desktop.core.wording import Text, message_of, say, shown, shown_error

UPPER = {"{0}: not a folder": "[{0}] NOT A FOLDER", "outer {0}": "OUTER {0}", "inner": "INNER"}.get


def translate(text: str) -> str:
    return UPPER(text) or text


def test_a_said_sentence_is_its_english_string_everywhere():
    text = say("{0}: not a folder", "/data/{odd}")
    assert isinstance(text, str) and text == "/data/{odd}: not a folder"
    assert json.loads(json.dumps({"why": text})) == {"why": "/data/{odd}: not a folder"}
    assert f"{text}" == str(text) == "/data/{odd}: not a folder" and type(str(text)) is str
    for again in (pickle.loads(pickle.dumps(text)), copy.deepcopy(text)):
        assert isinstance(again, Text) and again == text and again.args == ("/data/{odd}",)


def test_shown_translates_the_template_and_the_sentences_inside_it():
    assert shown(say("{0}: not a folder", "/x"), translate) == "[/x] NOT A FOLDER"
    assert shown(say("outer {0}", say("inner")), translate) == "OUTER INNER"
    assert shown(say("outer {0}", "inner"), translate) == "OUTER inner"  # a plain value stays as it is
    assert shown("plain words", translate) == "plain words" and shown(3) == "3"
    assert shown(say("{0:,} of {1!r}", 12345, "a")) == "12,345 of 'a'"


def test_an_error_raised_with_a_sentence_is_shown_translated(tmp_path):
    with pytest.raises(DatasetError) as caught:
        dataset_from_class_folders(tmp_path / "nowhere")
    assert str(caught.value) == f"{tmp_path / 'nowhere'}: not a folder"
    assert shown_error(caught.value, translate) == f"[{tmp_path / 'nowhere'}] NOT A FOLDER"
    assert isinstance(message_of(caught.value), Text)
    plain = ValueError("a", 2)
    assert message_of(plain) == shown_error(plain, translate) == str(plain)


def test_an_image_error_keeps_its_reason_as_a_sentence(tmp_path):
    bad = tmp_path / "note.jpg"
    bad.write_text("not a picture")
    with pytest.raises(ImageDecodeError) as caught:
        decode_image(bad)
    assert caught.value.reason == "a text file, not an image" and isinstance(caught.value.reason, Text)
    assert str(caught.value) == f"{bad}: a text file, not an image"
    assert shown_error(caught.value, lambda t: {"a text file, not an image": "TEXT"}.get(t, t)) == f"{bad}: TEXT"


def test_a_sentence_written_to_a_file_comes_back_translatable(tmp_path):
    from alexnet_desktop.core.training.events import metric_name
    from alexnet_desktop.core.wording import from_record, to_record

    note = say("Stopped early: no better {0} for {1} epochs", metric_name("val_accuracy"), 3)
    back = from_record(json.loads(json.dumps(to_record(note))))
    assert back == note == "Stopped early: no better val accuracy for 3 epochs"
    names = {"Stopped early: no better {0} for {1} epochs": "{1} 轮内{0}没有改善", "val accuracy": "验证准确率"}
    assert shown(back, lambda t: names.get(t, t)) == "3 轮内验证准确率没有改善"
    assert from_record("plain") == "plain" and from_record({"say": "{3}", "args": []}) is None


def test_a_picture_in_an_unsupported_format_is_named_as_such_when_listed(tmp_path):
    from alexnet_desktop.core.data.image_files import list_image_files

    (tmp_path / "IMG_0001.HEIC").write_bytes(b"\0\0\0\x18ftypheic" + bytes(40))
    (tmp_path / "notes.txt").write_text("x")
    why = dict(list_image_files(tmp_path).passed_over())
    assert why[tmp_path / "IMG_0001.HEIC"] == "HEIC/HEIF photo: not supported; convert it to JPEG first"
    assert why[tmp_path / "notes.txt"] == "not an image file extension"


def test_a_sentence_keeps_an_exception_as_its_message_not_its_traceback():
    import gc
    import weakref

    class Big:
        pass

    def fail(big):
        raise ValueError(say("{0}: not a folder", "/x"))

    big = Big()
    alive = weakref.ref(big)
    try:
        fail(big)
    except ValueError as exc:
        text = say("outer {0}", exc)
    del big
    gc.collect()
    assert alive() is None, "the sentence kept the failed call's frames alive"
    assert text == "outer /x: not a folder" and shown(text, translate) == "OUTER [/x] NOT A FOLDER"


@pytest.mark.parametrize("content, reason", [
    (b"\x00\x01", "too short to be an image (2 bytes)"),  # control bytes are not text
    (b"\x00\x01\x02" * 20, "not an image in a supported format (JPEG, PNG, BMP, GIF, TIFF, WEBP)"),
    ("caption: 猫\n".encode(), "a text file, not an image"),
])
def test_a_file_that_is_no_image_is_told_apart_from_text(tmp_path, content, reason):
    bad = tmp_path / "zero.png"
    bad.write_bytes(content)
    with pytest.raises(ImageDecodeError) as caught:
        decode_image(bad)
    assert caught.value.reason == reason
