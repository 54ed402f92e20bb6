"""YAML text to plain data, remembering where every value came from.

PyYAML's own loaders lose positions, silently keep the last of two duplicate keys,
expand alias bombs until memory runs out, and crash (in libyaml) on very deep
nesting. So we build the data ourselves from libyaml's event stream: one pass, no
recursion, with a position for every key and value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, NoReturn

import yaml

Path = tuple[str | int, ...]

# Far beyond any real framework file, far below what would hurt: a file that expands
# past this (an alias bomb) or nests deeper is refused before it costs anything.
MAX_EXPANDED_NODES = 500_000
MAX_DEPTH = 64

STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
SCALAR_TAGS = {
    STR_TAG,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
EXPLICIT_TAGS = {"!", *SCALAR_TAGS, SEQ_TAG, MAP_TAG}

_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()
# First characters that can make a plain scalar anything but text (true, 12, ~, .inf, ...).
_NON_TEXT_STARTS = frozenset(k for k in yaml.resolver.Resolver.yaml_implicit_resolvers if k)


class Mark(NamedTuple):  # a tuple, not a dataclass: a file makes one per value, and a tuple is quicker to make
    line: int  # 1-based
    column: int  # 1-based

    @classmethod
    def of(cls, mark: Any) -> Mark:
        return cls(mark.line + 1, mark.column + 1)


@dataclass
class YamlIssue:
    mark: Mark
    path: Path
    message: str
    code: str


@dataclass
class YamlDocument:
    data: Any
    value_marks: dict[Path, Mark] = field(default_factory=dict)
    key_marks: dict[Path, Mark] = field(default_factory=dict)
    # Raw text of plain (unquoted) scalars that YAML read as something other than text,
    # so that "expected text, got a boolean" can say it was the word `no`.
    plain_scalars: dict[Path, str] = field(default_factory=dict)

    def mark(self, path: Path, *, key: bool = False) -> Mark:
        """Where the value (or its key) at `path` is, or the nearest enclosing one."""
        if key and path in self.key_marks:
            return self.key_marks[path]
        for end in range(len(path), -1, -1):
            found = self.value_marks.get(path[:end])
            if found is not None:
                return found
        return Mark(1, 1)


class YamlRefused(Exception):
    def __init__(self, issue: YamlIssue):
        self.issue = issue
        super().__init__(issue.message)


def parse(text: str) -> tuple[YamlDocument | None, list[YamlIssue]]:
    """Parse one YAML document. Returns (None, issues) when the file cannot be read as data."""
    builder = _Builder()
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_issue(error)]
    except yaml.reader.ReaderError as error:  # a character YAML does not allow in a file at all
        before = text[: error.position]
        where = Mark(before.count("\n") + 1, len(before) - before.rfind("\n"))
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        return None, [
            YamlIssue(where, (), f"the character {character} is not allowed in YAML; remove it", "yaml-syntax")
        ]
    except yaml.YAMLError as error:
        return None, [YamlIssue(Mark(1, 1), (), f"not valid YAML: {error}", "yaml-syntax")]
    except YamlRefused as refused:
        return None, [refused.issue]
    if not builder.documents:
        return None, [YamlIssue(Mark(1, 1), (), "the file is empty", "empty-file")]
    return builder.document, builder.issues


def _syntax_issue(error: yaml.MarkedYAMLError) -> YamlIssue:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "not valid YAML"
    context = f" ({error.context})" if error.context else ""
    where = Mark.of(mark) if mark is not None else Mark(1, 1)
    return YamlIssue(where, (), f"YAML syntax error: {problem}{context}", "yaml-syntax")


@dataclass
class _Collection:
    value: dict[str, Any] | list[Any]
    path: Path
    anchor: str | None
    size: int = 1  # nodes in this subtree once aliases are expanded
    pending_key: str | None = None
    pending_key_mark: Mark | None = None
    skip_value: bool = False  # the key was rejected: drop its value too


class _Builder:
    def __init__(self) -> None:
        self.document = YamlDocument(data=None)
        self.documents = 0
        self.issues: list[YamlIssue] = []
        self.stack: list[_Collection] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, expanded size)
        self.expanded = 0

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._refuse(event, (), "holds more than one YAML document", "multiple-documents")
        elif isinstance(event, yaml.ScalarEvent):
            self._scalar(event)
        elif isinstance(event, yaml.AliasEvent):
            self._alias(event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._start(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self._end()

    def _refuse(self, event: Any, path: Path, message: str, code: str) -> NoReturn:
        raise YamlRefused(YamlIssue(Mark.of(event.start_mark), path, message, code))

    def _count(self, event: Any, nodes: int) -> None:
        self.expanded += nodes
        if self.expanded > MAX_EXPANDED_NODES:
            self._refuse(
                event,
                self._child_path(),
                f"expands to more than {MAX_EXPANDED_NODES:,} values through anchors and aliases; refusing to load it",
                "alias-bomb",
            )

    def _child_path(self) -> Path:
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            return (*parent.path, len(parent.value))
        return (*parent.path, parent.pending_key if parent.pending_key is not None else "")

    def _expecting_key(self) -> bool:
        if not self.stack:
            return False
        top = self.stack[-1]
        return top.pending_key is None and isinstance(top.value, dict)

    def _check_tag(self, event: Any, path: Path) -> None:
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in EXPLICIT_TAGS:
            self._issue(event, path, f"unsupported YAML tag {tag}", "yaml-tag")

    def _issue(self, event: Any, path: Path, message: str, code: str) -> None:
        self.issues.append(YamlIssue(Mark.of(event.start_mark), path, message, code))

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        if self._expecting_key():
            self._key(event)
            return
        path = self._child_path()
        self._check_tag(event, path)
        self._count(event, 1)
        value = self._scalar_value(event, path)
        self._place(value, path, Mark.of(event.start_mark), 1)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)

    def _scalar_value(self, event: yaml.ScalarEvent, path: Path) -> Any:
        text = event.value
        plain = event.style is None or event.style == ""
        tag = event.tag
        if tag in (None, "!"):
            if not plain or not text or text[0] not in _NON_TEXT_STARTS:
                return text
            tag = _resolver.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
        if tag == STR_TAG or tag not in SCALAR_TAGS:
            return text
        node = yaml.ScalarNode(tag, text)  # only the value is wanted: a failure is reported with the event's mark
        try:
            value = _constructor.yaml_constructors[tag](_constructor, node)
        except (ValueError, yaml.YAMLError):
            self._issue(event, path, f"cannot read {text!r} as {tag.rsplit(':', 1)[-1]}", "yaml-value")
            return text
        if plain and tag != STR_TAG:
            self.document.plain_scalars[path] = text
        return value

    def _key(self, event: yaml.ScalarEvent) -> None:
        top = self.stack[-1]
        assert isinstance(top.value, dict)
        key = event.value
        mark = Mark.of(event.start_mark)
        path = (*top.path, key)
        top.pending_key, top.pending_key_mark, top.skip_value = key, mark, False
        if event.style in (None, "") and key == "<<":
            self._issue(event, top.path, "merge keys (<<) are not supported; write the fields out", "yaml-merge")
            top.skip_value = True
        elif key in top.value:
            first = self.document.key_marks[path]
            self._issue(
                event,
                path,
                f"duplicate key '{key}' (first defined at line {first.line}); "
                "YAML would silently keep only the last one",
                "duplicate-key",
            )
            top.skip_value = True
        else:
            self.document.key_marks[path] = mark

    def _alias(self, event: yaml.AliasEvent) -> None:
        if self._expecting_key():
            self._refuse(event, self.stack[-1].path, "an alias cannot be used as a key", "yaml-key")
        path = self._child_path()
        if event.anchor is None or event.anchor not in self.anchors:
            self._refuse(event, path, f"unknown alias *{event.anchor}", "yaml-syntax")
        value, size = self.anchors[event.anchor]
        self._count(event, size)
        self._place(value, path, Mark.of(event.start_mark), size)

    def _start(self, event: yaml.CollectionStartEvent) -> None:
        if self._expecting_key():
            self._refuse(event, self.stack[-1].path, "keys must be plain text, not a list or mapping", "yaml-key")
        path = self._child_path()
        if len(self.stack) >= MAX_DEPTH:
            self._refuse(event, path, f"nests deeper than {MAX_DEPTH} levels", "yaml-depth")
        self._check_tag(event, path)
        self._count(event, 1)
        container: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.document.value_marks[path] = Mark.of(event.start_mark)
        self.stack.append(_Collection(container, path, event.anchor))

    def _end(self) -> None:
        done = self.stack.pop()
        if done.anchor is not None:
            self.anchors[done.anchor] = (done.value, done.size)
        self._place(done.value, done.path, None, done.size)

    def _place(self, value: Any, path: Path, mark: Mark | None, size: int) -> None:
        if mark is not None:
            self.document.value_marks.setdefault(path, mark)
        if not self.stack:
            self.document.data = value
            return
        parent = self.stack[-1]
        parent.size += size
        if isinstance(parent.value, list):
            parent.value.append(value)
            return
        if not parent.skip_value and parent.pending_key is not None:
            parent.value[parent.pending_key] = value
        parent.pending_key, parent.skip_value = None, False
