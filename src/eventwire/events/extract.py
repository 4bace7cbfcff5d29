"""Find events in a parsed document: verbal and nominal predicates matched to the lexicon.

Steps per sentence: every verb is matched against the lexicon's verb patterns (most
specific first: particle, object head and target preposition); every noun against the
noun patterns (:mod:`.nominal`), or, for a deverbal noun with none ("the suspension of
flights with X"), against its verb's patterns (:mod:`.deverbal`). A row flagged
``converse`` swaps the roles: "received aid from X" is X's aid to the subject. Then
the clause structure settles how the found predicates combine (:func:`settle`):

- control and raising: "agreed to hold talks", "plans to visit" — the control verb is not
  an event of its own; the embedded verb is coded with the matrix subject as source and
  the control verb's modality (:mod:`.modality`); when the embedded verb is no event
  we code ("agreed to build a bridge"), a control verb of commitment is coded on its
  own pattern (03 intent, 12 refusal, 01 consider: :func:`.complements.bare_commitment`);
- appeals, demands and threats ("urged Japan to stand together", "threatened to impose
  sanctions") are coded on the matrix verb, which absorbs its complement: its target is
  the complement's actor when it has none of its own, and a generic appeal (020) takes
  the specific appeal code of what is asked for (036 intent to meet → 026 appeal to meet;
  :mod:`.appeals`);
- a call made in reported speech ("X said that Y must Z") becomes an appeal by X to Y,
  or with "must" the codebook's demand of Z when it has one ("must release" 1053:
  :func:`.appeals.call_code`); a demand verb's complement gives its demand code too;
  an appeal or demand verb with a that-clause ("demanded that Y give up Z") is addressed
  to the clause's subject even when what is asked is no event we code;
- any other event inside a reporting verb's complement is Y's, with modality reported;
  the reporting itself is a quote, not an event, unless the lexicon codes the reporting
  verb outside root 01 ("accused", "warned").

Where a verb's target is (its slot, an addressee, a fallback preposition): :mod:`.targets`.
Negation and modality: :mod:`.modality`. A capital or country that the actors stage read
as a place ("visited Japan", "made known in Tokyo") counts as an actor in an event's own
target slot; a country name or adjective modifying an event noun ("US sanctions") counts
as its source (actor resolution: :mod:`.actors_of`). Which events are kept, and the
confidence formula: :mod:`.build`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.actors import KnowledgeBase, load_knowledge_base
from eventwire.events.acted_on import acts_on_kind
from eventwire.events.actors_of import PhraseIndex
from eventwire.events.appeals import (
    absorb_asked,
    addressees,
    appeal_code,
    call_code,
    protest_targets,
    settle,
    threat_code,
)
from eventwire.events.build import Found, to_records
from eventwire.events.clauses import (
    governing_verb,
    is_passive,
    known_lemma,
    objects,
    prep_objects,
    subjects,
)
from eventwire.events.complements import (
    COMMITMENT_ROOTS,
    FORECAST_ROOTS,
    THREATENING_ROOTS,
    asked_clauses,
    bare_commitment,
    object_heads,
    on_condition,
    pressing_parties,
    warning_code,
)
from eventwire.events.deverbal import load_deverbal, match_deverbal
from eventwire.events.lexicon import Lexicon, NounPattern, VerbPattern
from eventwire.events.mentions import MentionIndex
from eventwire.events.modality import (
    APPEAL_VERBS,
    CONTROL_VERBS,
    FORECAST_VERBS,
    INTENT_VERBS,
    alleged,
    forecast,
    hypothetical_aux,
    is_refusal,
    modality_of,
    noun_negated,
    own_modality,
    served,
    speech_verbs,
)
from eventwire.events.nominal import (
    CARRIERS,
    FORCE_ROOTS,
    NounClause,
    match_noun,
    noun_clause,
    noun_keys,
    noun_sources,
)
from eventwire.events.petrarch_patterns import default_actors, naming_complement
from eventwire.events.predicates import (
    armed_arrival,
    attacked,
    carries_event_noun,
    event_subject,
    generic_call,
    is_carrier,
    is_report,
    issues_document,
    match_verb,
    names_object,
    slot_phrase,
    verbal_attack,
    without_untargeted_twins,
)
from eventwire.events.targets import TargetFinding
from eventwire.records import Event, Modality


class EventExtractor(TargetFinding):
    """Codes the events of parsed documents with one lexicon."""

    def __init__(self, lexicon: Lexicon, *, rule_prefix: str = "", kb: KnowledgeBase | None = None):
        self.lexicon = lexicon
        self.rule_prefix = rule_prefix
        self.speech = speech_verbs()
        self.kb = kb or load_knowledge_base()
        self.verb_lemmas = lexicon.verb_lemmas() | CONTROL_VERBS | self.speech
        # PETRARCH dictionaries code their own nouns; the deverbal table names our verbs
        self.deverbal = {} if rule_prefix == "petrarch" else load_deverbal()

    def __call__(self, doc: Doc) -> list[Event]:
        index = PhraseIndex(doc, split_names=self.rule_prefix == "petrarch")
        found: list[Found] = []
        for sent in doc.sents:
            found += self.sentence_events(sent, index)
        return to_records(doc, found, dictionary=self.rule_prefix == "petrarch")

    # ------------------------------------------------------------------ predicates

    def sentence_events(self, sent: Span, index: MentionIndex) -> list[Found]:
        """Events of one sentence, after control, absorption and reported-speech rules."""
        verbs: dict[int, Found] = {}
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ == "VERB":
                found = self.verb_event(tok, index, consumed)
                if found is not None:
                    verbs[tok.i] = found
        for tok in sent:
            # "agreed to undertake joint exercises", "promised to democratise the country":
            # when what is agreed or promised is no event we code, the commitment itself is
            # (CAMEO 03x, or 12x for a refusal)
            if tok.pos_ == "VERB" and tok.i not in verbs and bare_commitment(tok, verbs):
                found = self.verb_event(tok, index, consumed, framing=False)
                if found is not None and found.code[:2] in COMMITMENT_ROOTS:
                    verbs[tok.i] = found
        for found in verbs.values():
            if not found.targets and (found.code[:2] == "12" or found.refused):
                # "declined to resign despite pressure from X": X's request is what is
                # rejected; with no one named the refusal stays one-sided
                found.targets = self._actors(pressing_parties(found.anchor), index)
        events = self.calls(sent, verbs, index)  # first: a converted call removes its verb
        events += self._addressed(settle(verbs), index)
        if self.rule_prefix == "petrarch":  # PETRARCH-2: an embedded clause joins its verb
            from eventwire.events.petrarch_clauses import embedded_events

            events = embedded_events(events, self.lexicon, index)
        events += self._petrarch_reciprocals(events)
        for tok in sent:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed:
                found = self.noun_event(tok, index)
                if found is not None:
                    events.append(found)
                    # "suspension of cooperation": the object is part of this event
                    consumed.update(t.i for t in found.trigger)
        # "its demand that X ease restrictions": the demand of the easing, not the easing
        return without_untargeted_twins(protest_targets(absorb_asked(events)))

    def verb_event(
        self, verb: Token, index: MentionIndex, consumed: set[int], *, framing: bool = True
    ) -> Found | None:
        """The verb's event if a pattern matches and it is not a control verb (with
        ``framing`` False a control verb is coded on its own:
        :func:`.complements.bare_commitment`)."""
        lemma = known_lemma(verb, self.verb_lemmas)
        patterns = self.lexicon.verb_patterns(lemma)
        own = self.rule_prefix != "petrarch"  # the project's lexicon, not a dictionary
        if own and alleged(verb):
            return None  # "denied charges that X had helped Y": a disputed claim's content
        if self.rule_prefix == "petrarch":  # PETRARCH lists some forms as verbs ("LEFT")
            patterns = self.lexicon.verb_patterns(verb.lower_) or patterns
        if not patterns:
            return None
        objs = objects(verb)
        if framing and is_carrier(verb, lemma, patterns):
            # a dictionary pattern that names words of the complement ("VOW: - * WAR"
            # for "vowed to wage war") codes the control verb itself
            patterns = naming_complement(patterns) if self.rule_prefix == "petrarch" else []
            if not patterns:
                return None
        pattern = self._match(patterns, verb, objs, index)
        if pattern is None:
            return None
        if own and ((pattern.obj is None and names_object(verb)) or issues_document(pattern, objs)):
            # "called the visit a provocation": a judgement, not a phone call;
            # "released a statement": a publication, not a release
            return None
        if lemma in self.speech and is_report(verb, pattern, lemma):
            return None  # "X said …", "X told reporters …": a quote, not an event
        if own and pattern.obj is None and carries_event_noun(self.lexicon, verb, objs):
            return None  # "gave a warm welcome to X": the noun's event, not a gift
        targets, in_slot = self.verb_targets(pattern, verb, objs, index)
        sources = self._subject_actors(verb, index)
        if own and event_subject(verb, pattern, index, self.lexicon, self.deverbal):
            # "the Taiwan visit offers a challenge": an event does not act; its modifier
            # is no source
            sources = []
        if getattr(pattern, "compound", False) and len(sources) > 1:
            targets = []  # "A and B agree that …": the members are the pairs (Found.pairs)
        elif self.rule_prefix == "petrarch":
            sources, targets = default_actors(verb, pattern, index, sources, targets)
        code = pattern.code
        if code == "042" and sources and own:
            # "Kenyan peacekeeping troops arrived in Somalia": forces move, no one visits
            code, targets = armed_arrival(verb, lemma, sources, targets)
        if pattern.warning and own:
            # "warned that the toll could rise" is no threat; "warned X it would retaliate" is
            code = warning_code(verb, code, sources, index)
        if own and code[:2] == "19" and verbal_attack(verb, objs, sources, index, self.lexicon):
            code = "111"  # "attacked the proposed visit", "attacked X in a speech": words
        if pattern.converse:
            # "received weapons from X", "faced sanctions from X": X acts on the subject
            if not in_slot:
                return None
            sources, targets = [(m, True) for m in targets], [m for m, _ in sources]
        if pattern.obj is not None and (sources or targets):
            # the object is part of this event; when the verb finds no actor ("an
            # agreement between A and B was signed") the noun may still find them
            consumed.update(o.i for o in object_heads(objs))
        modality, negated = modality_of(verb, self.speech)
        if modality is Modality.INTENDED and served(verb, code):
            modality = Modality.ASSERTED  # "donated X to assist Y": the aid is given
        particle_tokens = [c for c in verb.children if c.dep_ == "prt"]
        trigger = [verb, *particle_tokens, *(objs if pattern.obj else [])]
        promised = modality is Modality.INTENDED and not negated
        if promised and code[:2] in THREATENING_ROOTS and on_condition(verb):
            # "will impose sanctions unless …", "will halt talks if …": a threat (13x)
            code = threat_code(code)
        elif promised and code[:2] in FORECAST_ROOTS and self._forecasts(verb):
            # "said they would boycott X", "plans to attack X": a threat (13x)
            code = threat_code(code)
        return Found(
            anchor=verb,
            trigger=trigger,
            code=code,
            where=pattern.where,
            rule=self._rule("verb", pattern.where, pattern.symmetric),
            symmetric=pattern.symmetric,
            sources=sources,
            targets=targets,
            target_in_slot=in_slot,
            specific=bool(pattern.particle or pattern.obj or pattern.prep),
            negated=negated,
            modality=modality,
            # a reduced participle ("sanctions imposed on X") is background, not a report
            # "were killed by a roadside bomb": a by-phrase naming no actor names no source
            agentless=is_passive(verb) and not sources and verb.dep_ != "acl",
            refused=is_refusal(verb),
            slot_filled=not targets and bool(slot_phrase(pattern, verb, objs)),
        )

    def _match(
        self, patterns: list[VerbPattern], verb: Token, objs: list[Token], index: MentionIndex
    ):
        """The verb's pattern; in dictionary mode PETRARCH's extra words are checked too."""
        if self.rule_prefix != "petrarch":
            return match_verb(patterns, verb, objs, index)
        from eventwire.events.petrarch_patterns import match_petrarch

        pattern = match_petrarch(patterns, verb, objs, match_verb)
        return None if pattern is None or pattern.code == "---" else pattern

    def _forecasts(self, verb: Token, *, nominal: bool = False) -> bool:
        """A conflictual act told in the future (:func:`.modality.forecast`); a noun also
        when its carrier is a verb of plan or promise ("plans sanctions"). PETRARCH
        dictionaries are left to code as they do."""
        if self.rule_prefix == "petrarch":
            return False
        return forecast(verb) or (nominal and verb.lemma_.lower() in FORECAST_VERBS)

    def _petrarch_reciprocals(self, events: list[Found]) -> list[Found]:
        """Dictionary mode: "[032:033]" patterns also code the target's event back."""
        if self.rule_prefix != "petrarch":
            return []
        from eventwire.events.petrarch_patterns import reciprocal_events, reciprocal_table

        if getattr(self, "_reciprocal_table", None) is None:
            self._reciprocal_table = reciprocal_table(self.lexicon)
        return reciprocal_events(events, self._reciprocal_table)

    def noun_event(self, noun: Token, index: MentionIndex) -> Found | None:
        """A nominal event: the noun's pattern with its source and target phrases."""
        matched = self._noun_match(noun)
        if matched is None:
            return None
        clause, pattern, target_tokens = matched
        if not acts_on_kind(pattern.acts_on, prep_objects([noun], "of"), index):
            return None  # "the release of the results": no persons released
        targets = self._actors(target_tokens, index) or self._fallback_targets(
            pattern.code, clause.heads, attacked([noun]), index
        )
        sources = noun_sources(clause, index, self._modifier_country)
        pair = pattern.prep == "between" and pattern.symmetric
        symmetric = pattern.symmetric
        if pair:
            # "talks between A and B": both are parties; the pair is formed in Found.pairs
            sources, targets = [(m, True) for m in targets], []
        # else "a mediation effort between A and B" (a row not flagged symmetric): a third
        # party, the noun's source, acts on both (codebook 045: "the source is always the
        # mediator and adversaries are the targets")
        modality, negated = self.noun_modality(noun, clause.light)
        code, rule = pattern.code, self._rule("noun", pattern.where, symmetric)
        if (
            modality is Modality.INTENDED
            and not negated
            and code[:2] in FORECAST_ROOTS
            and clause.light is not None
            and self._forecasts(clause.light, nominal=True)
        ):
            # "will impose sanctions on X", "plans new sanctions against X": a threat
            code, symmetric = threat_code(code), False
        if clause.light is not None and known_lemma(clause.light, CARRIERS) in APPEAL_VERBS:
            # "called for talks with Japan": an appeal to meet (026), not talks
            code, rule, symmetric = appeal_code(code), f"appeal:{pattern.where}", False
            if not targets and len(sources) > 1:
                sources, targets = sources[:1], [m for m, _ in sources[1:]]
        return Found(
            anchor=noun,
            trigger=clause.trigger,
            code=code,
            where=pattern.where,
            rule=rule,
            symmetric=symmetric,
            sources=sources,
            targets=targets,
            target_in_slot=bool(targets) or pair,
            specific=bool(target_tokens) or pair,
            negated=negated or noun_negated(noun),
            modality=modality,
            # "a roadside bombing killed two soldiers": who was hit is known, not who hit
            agentless=not sources and bool(clause.victims) and code[:2] in FORCE_ROOTS,
        )

    def _noun_match(
        self, noun: Token
    ) -> tuple[NounClause, NounPattern | VerbPattern, list[Token]] | None:
        """The noun's clause, matched pattern and target tokens: a row of nouns.tsv, else
        (own lexicon only) its verb's row for a deverbal noun ("suspension of flights
        with X" as "suspended flights with X": :mod:`.deverbal`)."""
        keys = noun_keys(noun)
        patterns = next((found for k in keys if (found := self.lexicon.noun_patterns(k))), [])
        if patterns:
            clause = noun_clause(noun)
            matched = match_noun(patterns, clause)
            return None if matched is None else (clause, *matched)
        row = next((r for k in keys if (r := self.deverbal.get(k))), None)
        if row is None:
            return None
        clause = noun_clause(noun)
        found = match_deverbal(row, self.lexicon, clause.heads)
        if found is None:
            return None
        pattern, objs = found
        if pattern.obj is not None:  # the object is part of the trigger, as for a verb
            clause.extra = [
                o for o in objs if o.lemma_.lower() == pattern.obj or o.lower_ == pattern.obj
            ]
        if pattern.target == "obj":
            return clause, pattern, objs
        if pattern.target == "prep" and pattern.prep:
            return clause, pattern, prep_objects([*clause.heads, *objs], pattern.prep)
        return clause, pattern, []

    def noun_modality(self, noun: Token, light: Token | None) -> tuple[Modality, bool]:
        """Modality of a nominal event: its light verb's ("will hold talks"); a verb of
        intention or appeal taking it as object ("plans talks", "called for talks");
        otherwise asserted, or reported inside a reporting verb's complement. The
        clause a noun merely sits in ("if the meeting … was meant to …") does not
        make the event itself hypothetical."""
        if light is not None and known_lemma(light, CARRIERS) in INTENT_VERBS:
            return Modality.INTENDED, modality_of(light, self.speech)[1]
        if light is not None:
            return modality_of(light, self.speech)
        verb = governing_verb(noun)
        if verb is None:
            return Modality.ASSERTED, False
        lemma = verb.lemma_.lower()
        if noun.dep_ in ("dobj", "pobj") and lemma in INTENT_VERBS:
            return Modality.INTENDED, False
        if noun.dep_ in ("dobj", "pobj") and lemma in APPEAL_VERBS:
            return Modality.DEMANDED, False
        attached = noun.head == verb or (noun.dep_ == "pobj" and noun.head.head == verb)
        if attached and hypothetical_aux(verb):
            # "would have died in an invasion": what the verb acts on or through
            return Modality.HYPOTHETICAL, False
        modality, _ = modality_of(verb, self.speech)
        return (Modality.REPORTED if modality is Modality.REPORTED else Modality.ASSERTED), False

    def calls(self, sent: Span, verbs: dict[int, Found], index: MentionIndex) -> list[Found]:
        """Appeals made in reported speech: "X said (that) Y must/should Z" → X appeals to Y."""
        out: list[Found] = []
        for tok in sent:
            if tok.lemma_.lower() not in self.speech or tok.pos_ != "VERB":
                continue
            speakers = [(m, s.direct) for s in subjects(tok) for m in index.actors(s.token)]
            for comp in (c for c in tok.children if c.dep_ == "ccomp"):
                if own_modality(comp) is not Modality.DEMANDED or not speakers:
                    continue
                embedded = verbs.get(comp.i)
                asked = [m for s in subjects(comp) for m in index.actors(s.token)]
                if embedded is not None:
                    # "A and B must …" said by one of A's own: a call to act jointly
                    own = {sp.actor.country for sp, _ in speakers} - {None}
                    joint = any(m.actor.country in own for m in asked)
                    code, where = call_code(embedded.code, comp, joint=joint), embedded.where
                else:
                    # "said Y must return the ship", what is asked being no event we code:
                    # "must" is the codebook's demand (100), "should" an appeal (020)
                    code, where = generic_call(comp), "speech"
                called = False
                for speaker, direct in speakers:
                    to = addressees(speaker, asked)
                    if not to:
                        continue
                    called = True
                    modal = [c for c in comp.children if c.dep_ == "aux" and c.i < comp.i]
                    out.append(
                        Found(
                            anchor=tok,
                            trigger=[*modal[-1:], comp],
                            code=code,
                            where=where,
                            rule=f"call:{where}",
                            symmetric=False,
                            sources=[(speaker, direct)],
                            targets=to,
                            target_in_slot=True,
                            specific=True,
                            negated=modality_of(tok, self.speech)[1],
                            modality=modality_of(tok, self.speech)[0],
                        )
                    )
                if called:  # "X said it should Z" is no call: Z stays X's own event
                    verbs.pop(comp.i, None)
        return out

    def _addressed(self, events: list[Found], index: MentionIndex) -> list[Found]:
        """An appeal or demand with no addressee of its own ("demanded that North Korea
        give up its programme", what is asked being no event we code) is addressed to
        the subject of the clause that says what is asked."""
        for found in events:
            if found.targets or found.code[:2] not in ("02", "10"):
                continue
            if known_lemma(found.anchor, APPEAL_VERBS) not in APPEAL_VERBS:
                continue
            own = {m.actor.code for m, _ in found.sources}
            asked = [
                m
                for clause in asked_clauses(found.anchor)
                for slot in subjects(clause)
                for m in index.actors(slot.token)
                if m.actor.code not in own and m.kind != "pronoun"
            ]
            if asked:
                found.targets, found.target_in_slot = asked, True
        return events

    def _rule(self, kind: str, where: str, symmetric: bool) -> str:
        prefix = self.rule_prefix if self.rule_prefix and kind == "verb" else kind
        return f"{prefix}:{where}" + (";symmetric" if symmetric else "")


__all__ = ["EventExtractor", "Found", "appeal_code", "match_verb", "threat_code"]
