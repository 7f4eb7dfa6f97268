"""The de-identification engine: text, Markdown and notebooks in, the same with identifiers out.

Rule: the output differs from the input only inside replaced spans (layout, cell
order, ids and everything else stay as they were), every replacement is reported
with its place, and one identifier gets one tag throughout a case. The engine is
pure: it reads and writes no file (``praxishub.cases.files`` does that).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from praxishub.cases import (
    addressedges,
    addressparts,
    addresstails,
    bodies,
    capitals,
    chains,
    chathandles,
    chatnames,
    csinstitutions,
    cuewords,
    dateranges,
    ennames,
    entext,
    formfields,
    grades,
    handles,
    inflectednames,
    informal,
    kindquotes,
    labelcues,
    learned,
    localities,
    lowerorgs,
    lowerplaces,
    lowerwords,
    moreshapes,
    nameedges,
    namekeys,
    ner,
    notecues,
    ocrnames,
    ocrview,
    orgacronyms,
    orgchains,
    orgedges,
    orgforms,
    orgshapes,
    persons,
    placeedges,
    plates,
    postcodes,
    precision,
    propagate,
    references,
    refshapes,
    rudiminutives,
    spacedletters,
    spokenphones,
    streetnames,
    structured,
    tablecells,
    traditional,
    zhcities,
    zhfull,
    zhnames,
    zhnameshapes,
    zhorgs,
    zhshapes,
    zhtext,
)
from praxishub.cases import intake as intake_mod
from praxishub.cases.languages import LANGUAGES, detect_language
from praxishub.cases.spans import Span, bridged, closed, label, union


@dataclass
class Replacement:
    where: str
    start: int
    end: int
    kind: str
    original: str
    replacement: str
    source: str
    language: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "where": self.where,
            "start": self.start,
            "end": self.end,
            "type": self.kind,
            "original": self.original,
            "replacement": self.replacement,
            "found_by": self.source,
            "language": self.language,
        }


@dataclass
class Deidentifier:
    """One case's de-identifier: remembers the tags it gave, so they stay consistent."""

    language: str = "auto"
    names: list[str] = field(default_factory=list)
    diminutives: list[str] = field(default_factory=list)
    surrogates: bool = False
    keep_year: bool = True
    replacements: list[Replacement] = field(default_factory=list)
    _tags: dict[tuple[str, str], str] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=dict)
    _intake: dict[str, intake_mod.IntakeNames] = field(default_factory=dict)
    _case_language: str | None = None
    _seen: dict[str, propagate.Seen] = field(default_factory=dict)
    _found: dict[tuple[str, str], list[Span]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.language != "auto" and self.language not in LANGUAGES:
            raise ValueError(
                f"unknown language {self.language!r}; use one of auto, {', '.join(LANGUAGES)}"
            )

    # --- finding -------------------------------------------------------------

    def intake_for(self, language: str) -> intake_mod.IntakeNames:
        if language not in self._intake:
            self._intake[language] = intake_mod.from_names(self.names, language, self.diminutives)
        return self._intake[language]

    def spans(self, text: str, language: str) -> list[Span]:
        """Every identifier in text: the layers' findings, then their recurrences, joined.

        What is found is remembered for the case, so a name found in one cell (or
        sentence) is masked where it recurs in every later one.
        """
        found = self._found.get((text, language))
        if found is None:
            found = self._layers(text, language)
        seen = self._seen.setdefault(language, propagate.Seen(language))
        seen.add(text, found)  # before the union, where a name may have merged into a phone
        found = found + precision.settle(text, seen.find(text, found), language)
        return union(closed(text, found + bridged(text, found)))

    def _layers(self, text: str, language: str) -> list[Span]:
        if language == "zh" and (view := traditional.simplified(text)) is not None:
            # Traditional characters, read as Simplified; what is read in digits and Latin
            # letters (Hong Kong's phones, IDs, postcodes, links) also from the text as written
            found = self._read(view, language)
            found.extend(structured.find(text, language))
            found.extend(references.find(text))
            found.extend(handles.find(text))
            found.extend(postcodes.find(text))
        else:
            found = self._read(text, language)
        view, garbled = ocrview.restore(text)
        if garbled:  # a scanned form: what the layers find over a restored word counts too,
            # over the letters as printed where the word was printed letter-spaced
            for span in self._read(view, language):
                if any(span.start < end and start < span.end for start, end in garbled):
                    start, end = ocrview.back(text, span.start, span.end)
                    # a heading in spaced capitals that only the tagger or the rare-word net
                    # took for a name ("Z Á Z N A M  Z  P R V N Í H O  K O N T A K T U")
                    guessed = set(span.source.split("+")) <= {"crf", "capitals"}
                    if start < end and not (guessed and ocrview.shouted(text, start, end)):
                        found.append(Span(start, end, span.kind, span.source))
        return found

    def _read(self, text: str, language: str) -> list[Span]:
        found = structured.find(text, language)
        found.extend(references.find(text))
        found.extend(handles.find(text))
        found.extend(grades.find(text))
        found.extend(spokenphones.find(text, language))
        if re.search(r"[^\W\d_]", text):
            found.extend(precision.keep(text, ner.find(text, language), language))
            found.extend(persons.find(text))
            found.extend(chatnames.find(text, language))
            found.extend(self.intake_for(language).find(text))
            found.extend(list(lowerwords.grown(text, found, language)))
            found.extend(rudiminutives.find(text, language))
            found.extend(list(bodies.grown(text, found)))
            found.extend(list(localities.grown(text, found)))
        found.extend(informal.find(text, language))
        found.extend(addressparts.find(text))
        found.extend(orgforms.find(text))
        found.extend(cuewords.find(text))
        found.extend(orgedges.find(text))
        found.extend(kindquotes.find(text, language))
        found.extend(lowerorgs.find(text, language))
        found.extend(chains.find(text, language))
        found.extend(csinstitutions.find(text, language))
        found.extend(list(orgforms.grown(text, found)))
        found.extend(list(orgedges.grown(text, found)))
        found.extend(list(orgchains.grown(text, found)))
        found.extend(list(addressparts.grown(text, found)))
        found.extend(addressedges.find(text))
        found.extend(list(addressedges.grown(text, found, language)))
        found.extend(list(grades.grown(text, found)))
        found.extend(nameedges.nicknames(text))
        found.extend(nameedges.asked(text))
        found.extend(list(nameedges.bracketed(text, found)))
        found.extend(nameedges.diminutives(text, language))
        found.extend(list(nameedges.grown(text, found, language)))
        if language == "zh":
            found.extend(zhshapes.find(text))
            found.extend(list(zhshapes.grown(text, found)))
            found.extend(zhnames.find(text))
            found.extend(zhnames.padded(text))
            found.extend(zhfull.find(text))
            found.extend(zhcities.find(text))
            found.extend(zhorgs.find(text))
            found.extend(zhtext.find(text))
        found.extend(precision.keep(text, capitals.find(text, language), language))
        found.extend(ocrnames.find(text, language))
        found.extend(ocrnames.split_signatures(text))
        found.extend(streetnames.find(text))
        found.extend(plates.find(text))
        found.extend(entext.find(text, language))
        found.extend(tablecells.find(text))
        found.extend(list(plates.grown(text, found)))
        found.extend(moreshapes.find(text, language, found))
        found.extend(namekeys.keyed_initials(text))
        found.extend(list(namekeys.lower_case(text, found, language)))
        found.extend(inflectednames.find(text, language, found, self.intake_for(language)))
        found.extend(orgshapes.find(text, language))
        found.extend(refshapes.find(text, language))
        found.extend(list(orgshapes.grown(text, found)))
        found.extend(list(refshapes.grown(text, found)))
        found.extend(formfields.find(text))
        found.extend(notecues.find(text))
        found.extend(labelcues.find(text))
        found.extend(notecues.states(text))
        found.extend(notecues.letterheads(text))
        found.extend(orgacronyms.find(text))
        tagged = learned.find(text, language)
        found.extend(tagged)
        # the tagger's addresses grown over their unit parts too ("…, upstairs flat")
        found.extend(addresstails.grown(text, [s for s in tagged if s.kind == "ADDRESS"]))
        found = precision.settle(text, found, language)
        # The English and Chinese name layers and the chat handles (round 11b) read what
        # survived the filter, and pass it themselves.
        more = ennames.find(text, language, found)
        more.extend(zhnameshapes.find(text, language, found + more))
        more.extend(chathandles.find(text, language, found + more))
        more.extend(list(namekeys.found_initials(text, found + more)))
        more.extend(list(namekeys.list_mates(text, found + more)))
        more.extend(list(nameedges.across_lines(text, found + more)))
        more.extend(list(namekeys.found_pinyin(text, found + more)))
        more.extend(list(namekeys.particle_bridges(text, found + more)))
        more.extend(list(orgedges.settled(text, found + more)))
        more.extend(list(placeedges.grown(text, found + more, language)))
        more.extend(lowerplaces.find(text, language))
        more.extend(list(placeedges.lower_grown(text, found + more, language)))
        if language == "zh":
            more.extend(list(zhcities.recurring(text, found + more)))
        more.extend(list(addresstails.fields(text, found + more)))
        more.extend(list(addresstails.postcodes_after(text, found + more)))
        more.extend(list(refshapes.recurring(text, found)))
        more.extend(list(spacedletters.find(text, found + more)))
        more.extend(list(dateranges.joined(text, found + more)))
        more.extend(dateranges.post_days(text))
        return found + precision.settle(text, more, language)

    def language_of(self, text: str) -> str:
        if self.language != "auto":
            return self.language
        return detect_language(text, default=self._case_language or "en")

    # --- replacing -----------------------------------------------------------

    def _key(self, span: Span, surface: str, language: str) -> str:
        if span.kind != "PERSON":
            return re.sub(r"\W+", "", surface.casefold())
        person = self.intake_for(language).key_of(surface)
        if person is not None:
            return person
        if language == "zh":
            stems = {surface}
            known = [k for (kind, k) in self._tags if kind == "PERSON" and surface in k]
        else:
            # Word stems, so inflected and reordered forms of one name share a key
            # ("Ирина Ракова", "Ракову Ирину"), and a lone surname joins its person.
            stems = {w.casefold()[:4] for w in re.findall(r"[^\W\d_]{2,}", surface)}
            known = [
                k for (kind, k) in self._tags if kind == "PERSON" and stems <= set(k.split(" "))
            ]
        return known[0] if known else " ".join(sorted(stems))

    def _tag(self, span: Span, surface: str, language: str) -> str:
        key = (span.kind, self._key(span, surface, language))
        if key not in self._tags:
            self._counts[span.kind] = self._counts.get(span.kind, 0) + 1
            number = self._counts[span.kind]
            tag_language = self._case_language or language
            self._tags[key] = f"[{label(span.kind, tag_language)}_{number}]"
        tag = self._tags[key]
        if self.surrogates:
            from praxishub.cases.surrogates import surrogate

            return surrogate(span.kind, tag, surface, language)
        return tag

    def text(self, text: str, where: str = "text", language: str | None = None) -> str:
        """text with its identifiers replaced (tags, or surrogates)."""
        if not text.strip():
            return text
        language = language or self.language_of(text)
        if self._case_language is None:
            self._case_language = language
        out: list[str] = []
        last = 0
        for span in self.spans(text, language):
            surface = text[span.start : span.end]
            new = self._tag(span, surface, language)
            if span.kind == "DATE" and self.keep_year:
                new = keep_year(surface, new)
            self.replacements.append(
                Replacement(
                    where, span.start, span.end, span.kind, surface, new, span.source, language
                )
            )
            out.append(text[last : span.start])
            out.append(new)
            last = span.end
        out.append(text[last:])
        return "".join(out)

    # --- notebooks -------------------------------------------------------------

    def notebook(self, nb: dict[str, Any]) -> dict[str, Any]:
        """A copy of the notebook with every cell, output, attachment and metadata string cleaned.

        Images (in outputs or attachments) cannot be checked for faces or written names, so
        they are removed and reported; text attachments are cleaned like text.
        """
        nb = copy.deepcopy(nb)
        if self._case_language is None and self.language == "auto":
            sample = "".join(_source(c) for c in nb.get("cells", []))[:20000]
            self._case_language = detect_language(sample)
        # A first pass over the cells, so a name found in a later cell is masked in earlier ones too.
        for cell in nb.get("cells", []):
            source = _source(cell)
            if source.strip():
                language = self.language_of(source)
                self._found[(source, language)] = found = self._layers(source, language)
                self._seen.setdefault(language, propagate.Seen(language)).add(source, found)
        for i, cell in enumerate(nb.get("cells", [])):
            where = f"cells[{i}]"
            source = _source(cell)
            cleaned = self.text(source, f"{where}.source")
            if cleaned != source:
                cell["source"] = _like(cell["source"], cleaned)
            for j, output in enumerate(cell.get("outputs", []) or []):
                self._output(output, f"{where}.outputs[{j}]")
            attachments = cell.get("attachments") or {}
            for name in list(attachments):
                self._attachment(cell, name, f"{where}.attachments")
            cell["metadata"] = self._strings(cell.get("metadata", {}), f"{where}.metadata")
        meta = nb.get("metadata", {})
        kept = {k: meta[k] for k in ("kernelspec", "language_info") if k in meta}
        cleaned_meta = self._strings({k: v for k, v in meta.items() if k not in kept}, "metadata")
        nb["metadata"] = {**cleaned_meta, **kept}
        self._found.clear()
        return nb

    def _output(self, output: dict[str, Any], where: str) -> None:
        if "text" in output:
            output["text"] = _like(
                output["text"], self.text(_join(output["text"]), f"{where}.text")
            )
        if output.get("output_type") == "error":
            output["evalue"] = self.text(output.get("evalue", ""), f"{where}.evalue")
            output["traceback"] = [
                self.text(t, f"{where}.traceback[{k}]")
                for k, t in enumerate(output.get("traceback", []))
            ]
        data = output.get("data") or {}
        for mime in list(data):
            if mime.startswith("image/") or mime in ("application/pdf",):
                del data[mime]
                self._removed(where, f"output {mime}")
            elif isinstance(data[mime], str | list):
                data[mime] = _like(
                    data[mime], self.text(_join(data[mime]), f"{where}.data[{mime}]")
                )
            else:
                data[mime] = self._strings(data[mime], f"{where}.data[{mime}]")
        if "metadata" in output:
            output["metadata"] = self._strings(output["metadata"], f"{where}.metadata")

    def _attachment(self, cell: dict[str, Any], name: str, where: str) -> None:
        import base64

        bundle = cell["attachments"][name]
        for mime in list(bundle):
            if mime.startswith("text/"):
                raw = base64.b64decode(_join(bundle[mime])).decode("utf-8", errors="replace")
                cleaned = self.text(raw, f"{where}[{name}][{mime}]")
                bundle[mime] = base64.b64encode(cleaned.encode()).decode()
            else:
                del bundle[mime]
                self._removed(f"{where}[{name}]", f"attachment {mime}")
        if not bundle:
            del cell["attachments"][name]
            source = _source(cell)
            cell["source"] = source.replace(f"attachment:{name}", "attachment:removed")
        clean_name = self.text(name, f"{where}.name")
        if clean_name != name and name in cell["attachments"]:
            cell["attachments"][clean_name] = cell["attachments"].pop(name)

    def _removed(self, where: str, what: str) -> None:
        self.replacements.append(Replacement(where, 0, 0, "IMAGE", what, "", "removed", ""))

    def _strings(self, value: Any, where: str) -> Any:
        if isinstance(value, str):
            return self.text(value, where)
        if isinstance(value, list):
            return [self._strings(v, f"{where}[{i}]") for i, v in enumerate(value)]
        if isinstance(value, dict):
            return {k: self._strings(v, f"{where}.{k}") for k, v in value.items()}
        return value

    def report(self) -> list[dict[str, Any]]:
        return [r.as_dict() for r in self.replacements]


def keep_year(surface: str, tag: str) -> str:
    """The tag with the date's year kept where it stood, with its own separators and words:
    "12.03.2024" → "[ДАТА_1].2024", "2024年5月12日" → "2024年[DATE_1]"."""
    year = structured.YEAR.search(surface)
    if year is None:
        return tag
    if not any(ch.isdigit() for ch in surface[: year.start()]):
        rest = year.end()
        while rest < len(surface) and not surface[rest].isdigit():
            rest += 1
        return surface[:rest] + tag
    start = year.start()
    while start > 0 and surface[start - 1] in " .,/-\u00a0":
        start -= 1
    if any(ch.isdigit() for ch in structured.YEAR.sub("", surface[start:])):
        # a range or a choice of dates ("11 ноября 2025 по 24 февраля 2026"): its years alone
        years = dict.fromkeys(m.group() for m in structured.YEAR.finditer(surface))
        return f"{tag} {'–'.join(years)}"
    return tag + surface[start:]


def _source(cell: dict[str, Any]) -> str:
    return _join(cell.get("source", ""))


def _join(value: str | Iterable[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


def _like(original: str | list[str], cleaned: str) -> str | list[str]:
    """cleaned in the shape original had: a string, or a list of lines as nbformat writes."""
    return cleaned if isinstance(original, str) else cleaned.splitlines(keepends=True)
