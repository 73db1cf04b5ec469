"""Every brain-related claim of the two documents, and the row that carries it.

A claim listed here whose row disappears fails the test, so content cannot
silently drop out of the dashboard. Claims left out on purpose are listed
at the end with the reason.
"""

import pytest

COVERAGE = [
    # (claim, table, row id)
    ("MDMA is an empathogen, not a classic psychedelic", "glossary", "empathogen"),
    ("Serotonin rises 3-8x more than dopamine", "facts", "serotonin-dopamine-ratio"),
    ("MDMA blocks SERT and disrupts vesicles: massive serotonin release", "effects", "acute-raphe-dorsal-serotonin"),
    ("Massive non-exocytotic serotonin release (doc 2)", "effects", "acute-raphe-median-serotonin"),
    ("MDMA blocks DAT and disrupts vesicles: dopamine release", "effects", "acute-vta-dopamine"),
    ("MDMA releases norepinephrine: arousal, cardiovascular risk", "effects", "acute-lc-norepinephrine"),
    ("MDMA mainly activates 5-HT1B, notably in the nucleus accumbens", "effects", "acute-accumbens-5ht1b"),
    ("Serotonin acts on 5-HT1B in the accumbens", "connection_changes", "acute-raphe-accumbens"),
    ("Oxytocin about 18.6 pg/mL before", "facts", "oxytocin-before"),
    ("Oxytocin about 83.7 pg/mL at 1.5 mg/kg", "facts", "oxytocin-after"),
    ("Oxytocin about 5-fold, not the main driver", "facts", "oxytocin-fold"),
    ("Oxytocin role weighed differently by the two documents", "discrepancies", "oxytocin-role"),
    ("Vasopressin released (doc 2)", "glossary", "vasopressin"),
    ("Reduced amygdala activation; threatening faces less threatening", "effects", "acute-amygdala-activation"),
    ("Amygdala suppression is the key therapeutic benefit (doc 2)", "effects", "acute-amygdala-suppression"),
    ("Decreased blood flow to the amygdala", "effects", "acute-amygdala-bloodflow"),
    ("Decreased blood flow to the hippocampus", "effects", "acute-hippocampus-bloodflow"),
    ("Heightened interoception", "effects", "acute-insula-interoception"),
    ("PTSD: elevated amygdala-insula connectivity", "connection_changes", "ptsd-amygdala-insula"),
    ("MDMA-AT reduces amygdala-insula connectivity, scaling with relief", "connection_changes", "therapy-amygdala-insula"),
    ("Key takeaway credits the reduction to MDMA itself", "discrepancies", "amygdala-insula-when"),
    ("MDMA does not increase broad lateral neocortical connectivity", "drug_profiles", "mdma-acute"),
    ("Lasting reduction of resting-state limbic threat circuits", "effects", "therapy-amygdala-resting"),
    ("Social connection reinforced via the mesolimbic pathway", "connection_changes", "acute-mesolimbic"),
    ("Pro-social networks possibly more active long after", "connection_changes", "therapy-mesolimbic"),
    ("About 9 sessions in total", "facts", "therapy-sessions-total"),
    ("MDMA in 2-3 of them", "facts", "therapy-sessions-mdma"),
    ("Dose 0.75-1.5 mg/kg (key takeaways)", "facts", "dose-range-takeaways"),
    ("Dose 1.0-1.5 mg/kg (protocol)", "facts", "dose-range-protocol"),
    ("Dose lower bounds disagree", "discrepancies", "dose-lower-bound"),
    ("100-150 mg for a 100 kg person", "facts", "dose-example-initial"),
    ("Booster about half, 90-150 minutes in", "facts", "booster-timing"),
    ("Booster about 75 mg in the example", "discrepancies", "booster-amount"),
    ("Toxicity scales with dose and frequency", "risks", "dose-frequency"),
    ("Doses above 1.5 mg/kg are a risk factor", "facts", "neurotoxicity-dose"),
    ("Animals: lower serotonergic/dopaminergic tone after repeated 1.5 mg/kg", "facts", "repeated-dose-animal"),
    ("Caffeine amplifies neurotoxicity in animals", "risks", "caffeine"),
    ("Hyperthermia", "risks", "hyperthermia"),
    ("Primate data less alarming; debate continues", "discrepancies", "neurotoxicity-severity"),
    ("Serotonin depletion and low mood (doc 2)", "risks", "serotonin-depletion"),
    ("Cardiovascular strain via norepinephrine (doc 2)", "risks", "cardiovascular"),
    ("60-80% fentanyl estimate", "facts", "fentanyl-adulteration"),
    ("Schedule I as of June 2023", "facts", "schedule-i-date"),
    ("FDA breakthrough status as of mid-2023", "facts", "breakthrough-date"),
    ("Recreational use removes safeguards", "risks", "no-safeguards"),
    ("Psilocybin/LSD act at 5-HT2A", "drug_profiles", "psilocybin"),
    ("Pure stimulants raise dopamine, not serotonin", "effects", "meth-raphe-serotonin"),
    ("Ketamine blocks NMDA receptors", "drug_profiles", "ketamine"),
    ("SSRIs block serotonin reuptake (text cut off)", "drug_profiles", "ssri"),
    ("Dopamine 'methamphetamine component' vs Chinese 'amphetamine component'", "discrepancies", "dopamine-component"),
    ("MDMA blocks SERT", "mechanisms", "sert-block"),
    ("MDMA blocks DAT", "mechanisms", "dat-block"),
    ("Vesicle repackaging of serotonin disrupted", "mechanisms", "serotonin-vesicles"),
    ("Vesicle repackaging of dopamine disrupted", "mechanisms", "dopamine-vesicles"),
    ("Massive non-exocytotic serotonin release (doc 2)", "mechanisms", "serotonin-flood"),
    ("Norepinephrine release (doc 2)", "mechanisms", "norepinephrine-release"),
    ("Vasopressin release (doc 2)", "mechanisms", "vasopressin-release"),
    ("Blocking oxytocin receptors in mice lowers sociability", "mechanisms", "oxytocin-mice"),
    ("Intranasal oxytocin alone does not replicate MDMA", "mechanisms", "oxytocin-intranasal"),
    ("Oxytocin receptor genetics may modulate response", "mechanisms", "oxytocin-genetics"),
    ("MDMA activates 5-HT1B, not 5-HT2A", "drug_targets", "mdma-acute"),
]

LEFT_OUT = {
    "Shulgin's PiHKAL and MDMA's rediscovery": "history, not brain content",
    "MDMA is fully synthetic, unlike mescaline, psilocybin, LSD": "chemistry, not a brain claim",
    "Documented cases of full PTSD remission": "clinical outcome without a figure; no region to draw it on",
}


@pytest.mark.parametrize(("claim", "table", "row"), COVERAGE, ids=[c[0][:50] for c in COVERAGE])
def test_claim_is_represented(content, claim, table, row):
    frame = content.tables[table]
    key = "scenario" if table in ("drug_profiles", "drug_targets") else "id"
    assert row in set(frame[key]), f"{claim!r} should be carried by {table}.csv row {row!r}"


def test_every_table_row_cites_a_source(content):
    for name, frame in content.tables.items():
        if name in ("sources", "sections"):
            continue
        cited = [c for c in ("source", "source_a") if c in frame.columns]
        assert cited and frame[cited[0]].notna().all(), name
