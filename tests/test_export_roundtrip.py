"""export → import gives back every field (issue 14 item 4), in every profile's layout.

The exports embed the draft itself (xlsx hidden sheet, docx custom XML part); the importer takes it
when the visible tables are unchanged. The draft below fills every field of the registry, so a
field the embedding lost would show here.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfdraft import drafts, fields
from perfdraft.exporters import render
from perfdraft.importers import import_file
from perfdraft.model import Basis, Budget, Draft, Indicator, Project, SpendingPlan
from perfdraft.profiles import PROFILES


def _full_draft(profile: str) -> Draft:
    annual = Indicator(level1="产出指标", level2="数量指标", name="培训人次", description="全年培训的人次",
                       value="≥300人次", basis=Basis("计划标准", "年度培训计划"), formula="各期培训人数之和",
                       direction="正向", weight=Decimal("20"), last_year="280人次", note="备注",
                       scope="annual", symbol="≥", unit="人次", scoring="每少10人次扣1分",
                       value_note="按签到表统计", prev_year="260人次", nature="定量", actual="310人次",
                       score=Decimal("20"))
    overall = Indicator(level1="产出指标", level2="数量指标", name="培训人次", value="≥900人次", scope="overall",
                        symbol="≥", unit="人次", weight=Decimal("20"))
    project = Project(code="X-001", name="培训项目", doc_number="某财〔2024〕1号", purpose="用于培训",
                      goal="完成培训300人次", budget=Budget(Decimal("100000.00"), Decimal("80000.00"),
                                                         Decimal("20000.00")),
                      spending_plan=SpendingPlan(Decimal(25), Decimal(50), Decimal(75), Decimal(100)),
                      indicators=[annual, overall], notes=["一条备注"], confirm=["goal"],
                      category="大型培训", nature="经常性", authority="某主管局", unit="某中心",
                      period_start="2024", period_end="2026", total_amount=Decimal("300000.00"),
                      basis_text="某文件", overall_goal="三年培训900人次")
    draft = Draft(year=2024, framework=PROFILES[profile].framework, profile=profile, projects=[project])
    draft.department.code, draft.department.name = "001", "某单位"
    return draft


def _filled(draft: Draft) -> None:
    """Every scalar field of the registry holds a value in the draft (so the test covers them all)."""
    project = draft.projects[0]
    for f in fields.scalars("project"):
        assert f.get(project) is not None, f.key
    for f in fields.scalars("indicator"):
        assert f.get(project.indicators[0]) is not None, f.key


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_export_then_import_gives_back_every_field(tmp_path: Path, fmt: str, profile: str):
    draft = _full_draft(profile)
    _filled(draft)
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(render(draft, fmt).data)
    result = import_file(path)
    assert result.draft == draft


def test_a_view_in_another_profile_embeds_the_draft_unchanged(tmp_path: Path):
    draft = _full_draft("hebei-2020")
    path = tmp_path / "view.xlsx"
    path.write_bytes(render(draft, "xlsx", "central-2021").data)
    assert import_file(path).draft == draft
    assert drafts.loads(drafts.dumps(draft)) == draft


def test_draft_pieces_read_back_as_the_draft():
    from perfdraft.exporters.safety import draft_pieces

    draft = _full_draft("central-2021")
    draft.notes, draft.resume = ["第一行\n第二行"], {"step": "project", "project": 0, "index": 1}
    draft.projects += [Project(name="小"), Project(name="多行", purpose="[附件]\n[[projects]]\n'''\"\"\"")]
    for d in (draft, Draft(), drafts.load(Path(__file__).parent / "fixtures" / "seed-shunping-2020.toml")):
        assert drafts.loads("".join(draft_pieces(d))) == d
