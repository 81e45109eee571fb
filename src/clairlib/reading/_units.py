"""The counters a printed number is counted in: 件, 名, か国, 千円 … (one list for every reader)."""

from __future__ import annotations

__all__ = ["UNITS"]

# A figure's unit is one of these (the longest that fits); a heading's title is never one
# alone (``5 分野`` is a table's cell, not section 5).
UNITS = (
    "百万円", "千円", "万円", "億円", "円", "か国", "ヶ国", "カ国", "ヵ国", "か所", "カ所", "箇所",
    "地域", "件", "名", "人", "団体", "自治体等", "自治体", "事業", "回", "言語", "本", "社",
    "会場", "分科会", "分野", "項目", "コース", "協会", "事務所", "テーマ", "つ", "%", "校",
    "部", "時間", "日間", "か月", "ヶ月", "都市", "市町村", "機関", "大学", "冊", "号", "種類",
    "点", "台", "組", "チーム", "世帯", "ページ", "講座", "プログラム", "ヵ月",
    "都道府県", "市区町村", "ヶ所", "ヵ所", "ケ所", "ケ国", "箇国", "施設", "企業", "者",
    "倍", "ドル", "ユーロ", "か年", "カ年", "ヶ年",
)  # fmt: skip
