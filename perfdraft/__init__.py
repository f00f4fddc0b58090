"""perfdraft: a terminal assistant for drafting 项目支出绩效目标表 and 部门整体绩效目标."""

__version__ = "0.1.0"
