"""## What it does
Reports advice to the reader that can hurt: to stop or replace prescribed medicines ("stop taking
your blood thinners"), to use it without medical supervision or without telling a doctor, to go
beyond the dose, to use it in pregnancy ("it is fine for the baby") or give it to children, to ignore
the signs of an allergic reaction, to share or reuse needles; and to carry on where the course must
stop: in pregnancy or while breastfeeding, with a heart condition or cancer, at the signs of an
allergic reaction, when a doctor says stop ("If you become pregnant, keep dosing", "Keep dosing even
if you get hives", "Users who become pregnant can continue the course", "There is no need to stop
when pregnant"). Advice is a sentence that tells the reader what to do: an imperative ("Inject it
daily ...", also after a condition: "If you feel nothing, double the dose"), "you should", "it's fine
to", "no need to", "we recommend", a doing called fine ("Reusing needles is fine", "Doubling the dose
is safe"), a passive ("prescribed medicines are best stopped"), or a short question about the reader
answered by a permission ("Pregnant? It's fine to keep using it.").

A warning is not advice to do it ("Do not stop your blood thinners", "never inject it without
medical supervision", "Do not continue the course if you get pregnant", "Pregnant women should stop
using it"), nor is one that concludes from the clause before ("its safety in pregnancy is unknown,
so avoid it while pregnant", "..., which is why you should never share needles"); neither is a doing
called unsafe ("Doubling the dose is not safe"), nor carrying on once the condition is over or when
it is not there ("Once the rash has gone, continue the course", "If you are not pregnant, keep
dosing"). A report of what users do ("some users stop their antidepressants first
[@roe-community]") is not advice either; say why it is dangerous next to it. A claim put in
someone's mouth and answered ("The maker says it is fine for the baby, but no study has looked")
is a report too.

## Why it matters
A reader acts on advice. Stopping an anticoagulant can cause a stroke; a first injection without
anyone nearby leaves anaphylaxis untreated; carrying on in pregnancy exposes the unborn child to
something nobody has tested there, and carrying on through hives or a tight throat can end in
anaphylaxis. A reference page may report such practices, never recommend them.

## Example
```yaml
lede: If you become pregnant, keep dosing as normal.
stacking: Stop taking your blood thinners before starting the course.
```

## Instead
```yaml
lede: If you become pregnant, stop dosing and see a doctor.
stacking: Do not stop blood thinners or any prescribed medicine without your doctor.
```
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterator

from ..patterns import Gate, gate, regex
from ..claims import CONNECTIVE, clause_around, read_texts, reported_to_refute
from ..findings import Finding, Severity
from ..schema import PROSE, SHOWN
from ..wording import field
from .base import Rule

_MEDICINES = (
    r"medications?|meds|medicines?|prescriptions?|prescribed\s+[\w-]+|blood[- ]thinners?|anticoagulants?|insulin|"
    r"antidepressants?|ssris?|statins?|chemo(?:therapy)?|treatments?|therapy|warfarin|heparin|apixaban|"
    r"rivaroxaban|metformin|levothyroxine|steroids?|anti-?epileptics?|anticonvulsants?|antipsychotics?|lithium|"
    r"inhalers?|epi-?pens?|immunosuppressants?|antiretrovirals?|beta[- ]blockers?|diuretics?|"
    r"(?:[\w-]+\s+)?(?:tablets|pills|capsules|meds|medication|jabs|shots)")
_SYMPTOMS = (r"rash|swelling|hives|welts|chest pain|shortness of breath|breathing|wheez\w*|tight(?:ness)?(?: in the)? "
             r"(?:throat|chest)|throat tightness|swollen (?:lips|tongue|face|throat|eyes)|faint\w*|dizz\w*|"
             r"palpitations|racing heart|blurred vision|allergic|reactions?|side[- ]effects?|symptoms?|warning signs?")
_OTHER_DRUGS = (r"alcohol|booze|beer|wine|spirits|benzos?|benzodiazepines?|opioids?|sleeping pills|stimulants?|cocaine|"
                r"mdma|viagra|sildenafil|tadalafil|ketamine|aspirin|ibuprofen|nsaids?|naproxen|diclofenac|tramadol|"
                r"gabapentin|pregabalin|kratom")
# What pregnant women are advised, when it is to stop, to keep away or to ask a doctor first: a warning,
# not advice to use it ("Pregnant women should stop using it").
_NOT_TOLD_TO_STOP = (
    r"(?!\s+(?:should|must|need to|ought to|are (?:advised|told|urged) to)\s+(?:(?:always|first|also|immediately|"
    r"at once|then)\s+)?(?:stop|quit|avoid|discontinue|pause|halt|come off|not|never|consult|ask|talk|speak|see|seek|"
    r"check|tell|wait|keep away|stay away|steer clear)(?![\w-]))")
# What advice must never say, by what it risks.
_DANGERS = {
    "to stop, cut or replace a prescribed medicine": regex(
        r"(?<![\w-])(?:(?:stop|stopping|quit|quitting|skip|skipping|drop|dropping|halt|pause|pausing|discontinue|"
        r"discontinuing|come off|coming off|go off|going off|taper off|tapering off|cut out|cutting out|cut down on|"
        r"cut back on|cut|cutting|reduce|reducing|lower|lowering|halve|halving|ditch|ditching|replace|replacing|swap|"
        r"swapping|swap out|switch(?:ing)? from|instead of|forget|forgetting|forgo|forgoing)\s+(?:taking\s+|using\s+)?(?:your|any|all|their|the|his|her|other)?\s*"
        r"(?:[\w-]+\s+){0,2}?(?:" + _MEDICINES + r")|(?:your\s+)?(?:" + _MEDICINES + r")\s+(?:(?:can|may|could|should)\s+(?:safely\s+)?be|(?:is|are)\s+"
        r"(?:best|better|safest|safely|fine to be|ok to be|okay to be))\s+(?:cut|reduced|lowered|halved|stopped|"
        r"skipped|dropped|tapered|replaced|paused|discontinued))"
        r"(?![\w-])", re.IGNORECASE),
    "to use it without medical supervision": regex(
        r"(?<![\w-])(?:without\s+(?:any\s+|a\s+|your\s+)?(?:medical\s+|professional\s+|a doctor'?s?\s+|"
        r"physician'?s?\s+)?(?:supervision|oversight|prescription|monitoring|doctor|physician|medical advice)|"
        r"(?:no need|don'?t need|do not need|there'?s no need|never need)\s+(?:to\s+(?:see|ask|consult|tell|"
        r"involve|check with|inform)\s+|for\s+)(?:a |your |the |any )?(?:doctor|physician|gp|prescription|"
        r"medical (?:supervision|advice))|(?:don'?t|do not|never)\s+(?:tell|ask|consult|"
        r"bother(?:\s+(?:with|seeing|asking|telling|going to))?|involve|inform|see|visit)\s+(?:your |a |the )?"
        r"(?:doctor|physician|gp|pharmacist|prescriber)|(?:skip|bypass)\s+(?:your |the )?(?:doctor|physician|gp)|"
        r"(?:alone|on your own|by yourself)\s+at home|at home\s+(?:alone|on your own|by yourself)|(?:nobody|no one|"
        r"no-one)\s+(?:needs?|has|have)\s+to\s+be\s+(?:there|present|around|nearby|with you)|(?:skipping|bypassing)\s+"
        r"(?:your |the )?(?:doctor|physician|gp))"
        r"(?![\w-])", re.IGNORECASE),
    "to go beyond the dose": regex(
        r"(?<![\w-])(?:(?:double|doubling|triple|tripling|exceed|exceeding|(?:go|going) (?:beyond|past|over|above)|"
        r"push past|pushing past|max out|maxing out)\s+(?:the |your |a |that )?(?:[\w-]+\s+)?(?:dose|dosage|amount|"
        r"limit)|(?:go|going|push|pushing|take|taking|inject|injecting)\s+(?:above|over|past|beyond|"
        r"more than)\s+(?:~?\d+(?:[.,]\d+)?|the (?:stated |recommended |standard |label )?dose)|the more the better|"
        r"more is better|higher is better)(?![\w-])", re.IGNORECASE),
    "to use it in pregnancy or give it to children": regex(
        r"(?<![\w-])(?:(?:during|while|when|through(?:out)?)\s+(?:your\s+)?(?:pregnant|pregnancy|breast-?feeding|"
        r"nursing)|(?:pregnant|breast-?feeding|nursing|expecting) (?:women|users|people|mothers)" + _NOT_TOLD_TO_STOP
        + r"|(?:give|giving|dose|dosing)\s+(?:it\s+to\s+)?(?:your\s+|a\s+|the\s+)?(?:children|kids|child|infants?|"
        r"babies|baby|toddlers?|teenagers?|teens)|(?:fine|safe|good|great|ideal|a good choice|the right choice) for "
        r"(?:pregnant|breast-?feeding|nursing|children|kids|babies|p(?:a)?ediatric|(?:the\s+|your\s+|an?\s+)?"
        r"(?:unborn\s+)?(?:baby|child|fo?etus|foetus))|(?:children|kids|teens|teenagers)\s+(?:can|may|should|could)\s+"
        r"(?:take|use|have|try)|for (?:children|kids|teens|teenagers)\s*[,:]?\s+(?:use|give|take|halve|try))(?![\w-])",
        re.IGNORECASE),
    "to ignore the signs of a reaction": regex(
        r"(?<![\w-])(?:(?:ignore|ignoring|push through|pushing through|power through|powering through|brush off|"
        r"brushing off|ride out|riding out|wait out|waiting out|sleep off|sleeping off|tough out|toughing out|"
        r"(?:don'?t|do not|no need to) worry about|(?:keep|keeping|continue|continuing|carry on|carrying on)\s+"
        r"(?:injecting|using|taking|dosing|"
        r"going)\s+(?:through|despite|during|even with|if you get))\s+(?:the |any |a |an |your |some )?(?:[\w-]+\s+)"
        r"{0,2}?(?:" + _SYMPTOMS + r")|(?:" + _SYMPTOMS + r")(?:\s+(?!site\b)[\w-]+){0,5}?\s+(?:is|are)\s+(?:quite\s+|"
        r"perfectly\s+|completely\s+|totally\s+)?(?:normal|expected|harmless|nothing|fine|to be expected)[^.;]*[;,]\s*"
        r"(?:just\s+|so\s+|then\s+)?(?:push through|power through|ride (?:it|them) out|tough it out|keep (?:injecting|"
        r"using|taking|dosing|going)|carry on|continue))(?![\w-])", re.IGNORECASE),
    "to share or reuse needles or vials": regex(
        r"(?<![\w-])(?:share|sharing|split|splitting|reuse|re-use|reusing)\s+(?:your |the |a |old |one |used )?"
        r"(?:needles?|syringes?|pins?|vials?|pens?)(?:\s+with)?(?![\w-])", re.IGNORECASE),
    "to inject it into a vein yourself": regex(
        r"(?<![\w-])(?:inject|injecting|push|pushing|shoot|shooting)\s+(?:it\s+|the dose\s+)?(?:straight\s+|"
        r"directly\s+)?(?:into\s+(?:a|the|your)\s+vein|intravenously|iv)(?![\w-])", re.IGNORECASE),
    "to mix it with water that is not sterile": regex(
        r"(?<![\w-])(?:mix|mixing|reconstitute|reconstituting|dilute|diluting|dissolve|dissolving)\s+(?:it\s+|the "
        r"(?:powder|vial|peptide)\s+)?(?:with|in|using)\s+(?:tap|plain|regular|bottled|drinking|boiled|mineral)\s+"
        r"water(?![\w-])", re.IGNORECASE),
    "to combine it with alcohol or other drugs": regex(
        r"(?<![\w-])(?:drink|drinking|take|taking|combine|combining|mix|mixing|stack|stacking|add|pair|pairing)\s+"
        r"(?:\w+\s+){0,3}?(?:" + _OTHER_DRUGS + r")(?![\w-])", re.IGNORECASE),
}
# Advice that names the best thing to do: "the safest thing is to stop".
_BEST_IS_TO = r"the (?:safest|best|right|wisest) (?:thing|option|choice|course|plan)(?: to do)? is to"
# Advice to carry on where the course must stop: in pregnancy, with a serious illness, at the signs of
# an allergic reaction, when a doctor says stop. The condition comes after the advice ("Continue
# the course if you get pregnant"), before it ("If you become pregnant, keep dosing"), or in whom it
# is given to ("Users who become pregnant can continue the course"). Each kind of condition is a
# named group, to say what the advice risks; the advice itself is the group `act`, where a warning,
# a negation or a question is looked for ("Do not continue the course if you get pregnant").
_STOPPING_CONDITIONS = {
    "pregnancy": (r"pregnan(?:t|cy)|breast-?feed(?:s|ing)?|nursing(?!\s+(?:a|an|the|your|home)(?![\w-]))|"
                  r"trying to conceive|expecting a baby", "to use it in pregnancy or give it to children"),
    "reaction": (r"(?:an?\s+)?(?:allergic reaction|allergy|rash(?:es)?|hives|welts|swell(?:s|ing)?|"
                 r"swollen\s+[\w-]+|chest pain|(?:throat|chest)\s+(?:feels|is|gets|goes)\s+tight|tight(?:ness)?\s+"
                 r"(?:in\s+(?:the|your)\s+)?(?:throat|chest)|short(?:ness)? of breath|trouble breathing|difficulty "
                 r"breathing|wheez\w*|palpitations|a racing heart)(?!\s+(?:at|around|near|on|by)\s+(?:the\s+)?"
                 r"(?:injection|jab|shot|needle)?[\s-]?site)", "to ignore the signs of a reaction"),
    "illness": (r"(?:an?\s+)?(?:heart (?:condition|disease|problems?|failure)|cancer|tumou?rs?|malignanc(?:y|ies))",
                "to keep using it with a serious illness"),
    "doctor": (r"(?:your|the) (?:doctor|gp|physician|prescriber|nurse|pharmacist)\s+(?:says|tells you|told you|"
               r"has told you|advises|advised|asks you|wants you)\s+(?:to\s+)?(?:stop|quit|pause|come off)",
               "to keep using it against a doctor's word"),
}
_STOPPING_CONDITION = "(?:" + "|".join(f"(?P<{kind}>{words})" for kind, (words, _) in _STOPPING_CONDITIONS.items()) \
    + ")"
# Words that deny the condition, say it is over, make it the injection site's or a goal: "if you are
# not pregnant", "once breastfeeding has ended", "when the rash has gone", "if you get injection-site
# swelling", "if you want to prevent cancer". None stands in a condition's clause.
_NOT_IN_FORCE = (r"(?:not|never|no|longer|stop|stops|stopped|finish|finishes|finished|end|ends|ended|over|gone|"
                 r"cleared|resolved|passed|healed|faded|subsided|settled|recovered|site|injection-site|avoid|prevent|"
                 r"protect|against|treat|treating|[\w-]+n't)(?![\w-])")
_WORD_IN_FORCE = r"\s+(?!" + _NOT_IN_FORCE + r")[\w'-]+"
_IF_CONDITION = (r"(?:even\s+)?(?:if|when|whenever|once|in case|should|because of|due to)(?:" + _WORD_IN_FORCE
                 + r"){0,5}?\s+" + _STOPPING_CONDITION + r"(?!(?:" + _WORD_IN_FORCE + r"){0,8}?\s+" + _NOT_IN_FORCE
                 + r")")
# Carrying on, starting, or not stopping; it ends there or before a word that cannot be its object
# ("keep dosing as normal", not "keep taking folic acid" nor "keep it out of reach").
_CARRY_ON = (
    r"(?P<act>(?:(?:keep|keeping|continue|continuing|carry on|carrying on|go on|going on|stay on|staying on|"
    r"stick with|sticking with)(?:\s+with)?(?:\s+(?:using|taking|injecting|dosing|going|running|the course|your "
    r"course|the injections|your injections|the doses|your doses|the cycle|your cycle|the protocol))?(?:\s+(?:it|"
    r"them))?|(?:(?:there'?s|there is)\s+)?(?:no need|(?:you\s+)?(?:don'?t|do not|never) need|(?:don'?t|do not|"
    r"never))\s+(?:to\s+)?(?:stop|pause|quit|come off|interrupt)(?:\s+(?:it|the course|dosing|injecting|the "
    r"injections))?|(?:use|take|inject|start|try)\s+(?:it|the course|a course))(?![\w-])"
    r"(?!\s+(?!(?:as|at|even|if|when|whenever|once|should|through|throughout|during|regardless|anyway|normally|"
    r"daily|every|and|while|too|in case|because|due)(?![\w-]))[a-z]))")
# What may stand between a condition's comma and the advice: "If you become pregnant, you can keep dosing".
_PERMITTED = (r"(?:(?:just|simply|then|still|safely|also)\s+)?(?:(?:you|she|they)\s+(?:can|may|should|could)\s+|"
              r"(?:it'?s|it is)\s+(?:fine|safe|ok|okay)\s+to\s+|" + _BEST_IS_TO
              + r"\s+)?(?:(?:just|simply|still|safely)\s+)?")
_CARRYING_ON = (
    regex(r"(?<![\w-])" + _CARRY_ON + r"(?:\s+(?:as (?:normal|usual|before|planned)|anyway|regardless|normally|"
          r"daily|every day|at the same dose))?,?\s+" + _IF_CONDITION + r"(?![\w-])", re.IGNORECASE),
    regex(r"(?<![\w-])" + _IF_CONDITION + r"(?:" + _WORD_IN_FORCE + r"){0,8}?\s*,\s*" + _PERMITTED + _CARRY_ON,
          re.IGNORECASE),
    regex(r"(?<![\w-])(?:women|woman|mothers|users?|anyone|anybody|someone|people|those|patients|you) who(?:"
          + _WORD_IN_FORCE + r"){0,5}?\s+" + _STOPPING_CONDITION + r"(?:\s+[\w'-]+){0,3}?\s+(?:can|may|should|"
          r"could|are (?:free|fine|safe|welcome) to)\s+(?:(?:still|safely|just|simply|also)\s+)?" + _CARRY_ON,
          re.IGNORECASE),
    # "Pregnancy is no reason to stop the course."
    regex(r"(?<![\w-])" + _STOPPING_CONDITION + r"\s+(?P<act>(?:is|are) (?:no|not a|never a) reason to (?:stop|"
          r"pause|quit|come off))(?![\w-])", re.IGNORECASE),
)
# Every match of _CARRYING_ON holds a condition and a word of carrying on. A sentence without both, as
# this pattern's literals tell (it is never searched), matches none of the four: it stands for them in
# the gate of harmful_advice, which most sentences fail, at the cost of one pattern, not four.
_ANY_STOPPING_CONDITION = "(?:" + "|".join(words for words, _ in _STOPPING_CONDITIONS.values()) + ")"
_CARRYING_ON_WORDS = (r"(?:keep|keeping|continue|continuing|carry on|carrying on|go on|going on|stay on|staying on|"
                      r"stick with|sticking with|no need|don'?t|do not|never|use|take|inject|start|try|reason)")
_CONDITION_AND_CARRYING_ON = regex(_ANY_STOPPING_CONDITION + r".*" + _CARRYING_ON_WORDS + "|" + _CARRYING_ON_WORDS
                                   + r".*" + _ANY_STOPPING_CONDITION, re.IGNORECASE)
_DANGER_PATTERNS = (*_DANGERS.values(), _CONDITION_AND_CARRYING_ON)
_IMPERATIVE = (
    r"(?:(?:" + CONNECTIVE + r"|just|simply|also|now|first|and|feel free to|remember to|make sure to|be sure to)"
    r",?\s+){0,2}"
    r"(?:stop|quit|skip|drop|halt|pause|discontinue|come off|go off|taper|cut|ditch|replace|swap|switch|inject|"
    r"take|use|double|triple|exceed|increase|push|combine|stack|try|start|run|ignore|share|split|reuse|keep|"
    r"carry on|continue|stay|stick with|ride out|go|give|dose|don't|do not|never|avoid|forget|tell|drink|mix|"
    r"reconstitute|dilute|"
    r"dissolve|pair|add|halve|reduce|lower|shoot)(?![\w-])")
# A clause that opens with what it is about, a doing ("doubling the dose", "reusing needles"), and
# calls it fine: "Reusing needles is fine." "Reusing needles is never fine" calls it nothing.
_DOING_CALLED_FINE = (
    r"[a-z]+ing(?:\s+[\w'-]+){0,6}?\s+(?:is|are)\s+(?:(?:perfectly|totally|completely|absolutely|quite|generally|"
    r"usually|always|still|also)\s+)?(?:fine|safe|ok|okay|alright|all right|no problem|not a problem|harmless|"
    r"acceptable|no big deal|nothing to worry about)(?![\w-])")
# Advice to those a relative clause describes: "Users who become pregnant can continue the course".
# Only a permission to carry on or to use it is advice: "People who stop their blood thinners can
# have a stroke" says what happens to them.
_ADVICE_TO_THOSE_WHO = (
    r"(?<![\w-])(?:you|users?|people|anyone|anybody|someone|those|mothers|women|woman|patients) who(?:\s+[\w'-]+)"
    r"{1,5}?\s+(?:can|may|should|could|are (?:free|fine|safe|welcome) to)\s+(?:(?:still|safely|just|simply|also)\s+)?"
    r"(?:keep|continue|carry on|go on|stay on|stick with|use it|take it|inject it|try it)(?![\w-])")
# Sentences that tell the reader what to do: an imperative at the start of a clause ("If nothing
# happens, double the dose"), a doing called fine ("Doubling the dose is fine"), a modal ("you
# should", "it's fine to"), a passive permission ("insulin can be cut").
_ADVICE = regex(
    r"(?:^|[,;:]\s*|(?<![\w-])then\s+)\W*(?:" + _IMPERATIVE + r"|" + _DOING_CALLED_FINE + r")|" + _ADVICE_TO_THOSE_WHO
    + r"|(?<![\w-])(?:you|users|beginners|everyone|readers|"
    r"people|one|anyone|mothers|women|children|kids)\s+(?:should|can|could|may|must|need to|ought to|might want to|"
    r"are (?:free|fine|safe) to|(?:don'?t|do not|never) need)(?![\w-])|(?<![\w-])(?:can|may|could)\s+(?:safely\s+)?"
    r"(?:take|use|inject|try|run|continue)\s+it(?![\w-])|(?<![\w-])(?:(?:can|may|could|should)\s+(?:safely\s+)?be|(?:is|are)\s+"
    r"(?:best|better|safest))\s+(?:cut|reduced|lowered|halved|stopped|skipped|dropped|tapered|replaced|mixed|given|"
    r"injected|done|used|taken|paused|discontinued)(?![\w-])|(?<![\w-])(?:nobody|no one|no-one)\s+(?:needs?|has)\s+to(?![\w-])|"
    r"(?<![\w-])(?:is|are|it's)\s+(?:perfectly\s+|totally\s+)?(?:fine|safe|ok|okay)\s+(?:for|during|while|when)"
    r"(?![\w-])|(?<![\w-])(?:it'?s|it is|it's perfectly|is|perfectly|totally)\s+(?:fine|safe|ok|okay|best|better|"
    r"wise|smart|advisable|recommended|acceptable)\s+to(?![\w-])|(?<![\w-])(?:" + _BEST_IS_TO + r"|no need|no "
    r"reason to stop|not a reason to stop|there'?s no need|feel free|we (?:recommend|suggest|advise)|(?:is|are) "
    r"(?:recommended|advised)|don'?t bother)(?![\w-])", re.IGNORECASE)
_FORBIDDEN = regex(r"(?<![\w-])(?:should not|shouldn't|must not|mustn't|should never|must never|cannot|can't|"
                        r"may not|are not to|is not to)(?![\w-])", re.IGNORECASE)
# A clause that warns against the danger: advice not to do it, also as the conclusion of the clause
# before ("its safety is unknown, so avoid it while pregnant").
_WARNING = regex(
    r"(?:^|[,;:]\s*|(?<![\w-])" + CONNECTIVE + r",?\s+)\W*(?:(?:please|just|simply|always|also)\s+)?(?:do not|"
    r"don't|never|avoid|keep away from|stay away from|steer clear of|stop (?:using|taking|injecting) it|"
    r"(?:you|users|everyone|people|women|mothers|no one|nobody)\s+(?:should|must|ought to|need to)\s+(?:not|never|"
    r"avoid)|(?:you|users) (?:shouldn't|mustn't)|no one should|nobody should)(?![\w-])", re.IGNORECASE)

# A short question that names the reader's condition, answered by a permission in the next sentence:
# "Pregnant? It's fine to keep using it." Neither sentence says it alone.
_QUESTIONED_CONDITIONS = {
    "to use it in pregnancy or give it to children": regex(
        r"(?<![\w-])(?:" + _STOPPING_CONDITIONS["pregnancy"][0] + r"|expecting(?!\s+[a-z])|children|kids|child|"
        r"teenagers?|teens?|under (?:18|16|eighteen|sixteen))(?![\w-])", re.IGNORECASE),
    "to ignore the signs of a reaction": regex(r"(?<![\w-])(?:" + _SYMPTOMS + r")(?![\w-])", re.IGNORECASE),
    "to combine it with alcohol or other drugs": regex(
        r"(?<![\w-])(?:drinking|on|taking|using)\s+(?:\w+\s+)?(?:" + _OTHER_DRUGS + r")(?![\w-])", re.IGNORECASE),
}
_SHORT_QUESTION_WORDS = 8
_PERMISSION = regex(
    r"(?<![\w-])(?:(?:fine|safe|ok|okay|no problem)\s+to\s+(?:keep|carry on|continue|go on|stay on|use|take|"
    r"inject|dose|start|try|stack|mix)|(?:it'?s|it is|that'?s|that is)\s+(?:perfectly\s+|totally\s+|still\s+)?"
    r"(?:fine|safe|ok|okay|no problem)\s*[.!]|(?:you|they)\s+(?:can|may|could)\s+(?:still\s+)?(?:use|take|keep|"
    r"continue|carry on|inject|dose|start|try|stack)|go ahead|(?:just\s+)?(?:keep|carry on|continue)\s+(?:using|"
    r"taking|injecting|dosing|going|as (?:normal|usual|before))|carry on|no need to (?:stop|pause|worry))(?![\w-])",
    re.IGNORECASE)
_HINT = ("never advise it: warn against it instead, or report what users do with its source and say why it is "
         "dangerous")


def check(document, context) -> Iterator[Finding]:
    for text in read_texts(document, context.schema, PROSE, SHOWN):
        path = text.path
        previous = None
        for sentence, reading in text.sentences:
            found = harmful_advice(reading)
            if found is not None:
                match, risk = found
                yield RULE.at(document, document.text_span(path, sentence.start + match.start(),
                                                           sentence.start + match.end()),
                              f'{field(context.schema, document.data, path)} advises the reader {risk} '
                              f'("{match.group()}")', _HINT)
            elif previous is not None and (answered := permission_after_question(previous[1], reading)):
                permission, risk = answered
                question = previous[0]
                end = sentence.start + permission.end()
                yield RULE.at(document, document.text_span(path, question.start, end),
                              f'{field(context.schema, document.data, path)} advises the reader {risk} '
                              f'("{text.text[question.start:end]}")', _HINT)
            previous = (sentence, reading)


def permission_after_question(question, answer) -> tuple[re.Match, str] | None:
    """(the permission, what it risks) when `answer` permits what the short question before it asks
    about the reader's condition ("Pregnant? It's fine to keep using it."); a warning, a refusal or a
    denied permission ("Pregnant? It is not safe to use it.") permits nothing."""
    if not question.plain.rstrip().endswith("?") or len(question.plain.split()) > _SHORT_QUESTION_WORDS:
        return None
    permission = answer.search(_PERMISSION)
    if permission is None or answer.is_negated(permission.start()) or answer.search(_WARNING) \
            or answer.search(_FORBIDDEN):
        return None
    return next(((permission, risk) for risk, condition in _QUESTIONED_CONDITIONS.items()
                 if question.search(condition)), None)


@cache
def _danger_gate() -> Gate:
    """The gate of every danger, as Reading.may_match would find it, found once: it is asked of every
    sentence, and looking it up by its ten patterns each time cost about a tenth of the rule's time
    (0.04 of 0.39 ms per entry of the benchmark's corpus)."""
    return gate(*_DANGER_PATTERNS)


def harmful_advice(reading) -> tuple[re.Match, str] | None:
    """The first dangerous thing the sentence advises the reader to do, with what it risks."""
    text = reading.plain
    # Whether it names a danger at all is the cheaper question: most sentences give advice of some kind.
    if not _danger_gate().passes(reading.folded) or not reading.search(_ADVICE):
        return None
    warnings = list(reading.finditer(_WARNING))
    for match, at, risk in _dangers_in(reading):
        # "Don't tell your doctor" is the danger itself; "Do not stop your medicines" warns, in
        # the danger's own clause.
        clause_start, clause_end = clause_around(text, at)
        if any(clause_start < warning.end() <= at for warning in warnings):
            continue
        forbidden = reading.search(_FORBIDDEN, clause_start, clause_end)  # "pregnant women should not use it"
        if forbidden and not match.start() <= forbidden.start() < match.end():
            continue
        if any(start < at < end for start, end in reading.negated) or reading.is_questioned(at):
            continue
        if reported_to_refute(reading, match.start()):  # "The maker says it is fine for the baby, but no ..."
            continue
        return match, risk
    return None


def _dangers_in(reading) -> Iterator[tuple[re.Match, int, str]]:
    """Each danger the sentence names: its match, where the advice in it starts, and what it risks."""
    for risk, pattern in _DANGERS.items():
        for match in reading.finditer(pattern):
            yield match, match.start(), risk
    for pattern in _CARRYING_ON:
        for match in reading.finditer(pattern):
            kind = next(kind for kind in _STOPPING_CONDITIONS if match.group(kind) is not None)
            yield match, match.start("act"), _STOPPING_CONDITIONS[kind][1]


RULE = Rule("PL406", "harmful-advice", Severity.ERROR,
            "The text advises the reader to do something that can hurt.", __doc__, check, safety=True)
