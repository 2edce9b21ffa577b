"""Queries as people type them, over the repository's sample catalog (procedures/), each with
the procedure that must come first. Used by tests/test_search_relevance.py (in Chromium) and
by `python -m benchmarks.search_cost --queries SITE` (hit rate).

Written from how citizens ask at the one-stop desk: mostly without diacritics, with either
kí/ký spelling, everyday words instead of official names, codes, half-typed last words,
decomposed Unicode, English on the English pages, and Vietnamese on a draft-language site
(rad pages fall back to Vietnamese text where untranslated).
"""

from __future__ import annotations

import unicodedata

# (language folder, query, id of the procedure that must come first)
QUERIES: list[tuple[str, str, str]] = [
    ("", "dang ky khai sinh", "dang-ky-khai-sinh"),
    ("", "đăng kí khai sinh", "dang-ky-khai-sinh"),
    ("", "lam giay khai sinh cho con", "dang-ky-khai-sinh"),
    ("", "khai sinh cho em be moi sinh", "dang-ky-khai-sinh"),
    ("", unicodedata.normalize("NFD", "đăng ký kết hôn"), "dang-ky-ket-hon"),
    ("", "ket hon", "dang-ky-ket-hon"),
    ("", "DANG KY KET HON", "dang-ky-ket-hon"),
    ("", "giay chung nhan ket hon", "dang-ky-ket-hon"),
    ("", "giay xac nhan doc than", "cap-giay-xac-nhan-tinh-trang-hon-nhan"),
    ("", "xac nhan tinh trang hon nhan", "cap-giay-xac-nhan-tinh-trang-hon-nhan"),
    ("", "hộ khẩu", "dang-ky-thuong-tru"),
    ("", "nhap ho khau cho vo", "dang-ky-thuong-tru"),
    ("", "dang ki thuong tru", "dang-ky-thuong-tru"),
    ("", "cat ho khau", "xoa-dang-ky-thuong-tru"),
    ("", "dang ky tam tru", "dang-ky-tam-tru"),
    ("", "thue tro", "dang-ky-tam-tru"),
    ("", "tam vang", "khai-bao-tam-vang"),
    ("", "di lam an xa", "khai-bao-tam-vang"),
    ("", "khai tu", "dang-ky-khai-tu"),
    ("", "người mất", "dang-ky-khai-tu"),
    ("", "dang ky lai khai sinh", "dang-ky-lai-khai-sinh"),
    ("", "sua ten trong giay khai sinh", "thay-doi-cai-chinh-bo-sung-thong-tin-ho-tich"),
    ("", "doi dan toc", "thay-doi-cai-chinh-bo-sung-thong-tin-ho-tich"),
    ("", "lam can cuoc", "cap-the-can-cuoc"),
    ("", "mat the can cuoc", "cap-lai-the-can-cuoc"),
    ("", "chứng thực chữ kí", "chung-thuc-chu-ky"),
    ("", "cong chung giay to", "chung-thuc-ban-sao-tu-ban-chinh"),
    ("", "photo cong chung bang tot nghiep", "chung-thuc-ban-sao-tu-ban-chinh"),
    ("", "lam di chuc", "chung-thuc-di-chuc"),
    ("", "hop dong mua ban dat", "chung-thuc-giao-dich-tai-san"),
    ("", "huy hop dong", "chung-thuc-sua-doi-bo-sung-huy-bo-giao-dich"),
    ("", "lam so do", "dang-ky-cap-giay-chung-nhan-lan-dau"),
    ("", "so do ghi sai ten", "dinh-chinh-giay-chung-nhan"),
    ("", "hoa giai tranh chap dat", "hoa-giai-tranh-chap-dat-dai"),
    ("", "kien dat dai", "giai-quyet-tranh-chap-dat-dai"),
    ("", "ho ngheo", "cong-nhan-ho-ngheo-ho-can-ngheo"),
    ("", "tien gia", "tro-cap-huu-tri-xa-hoi"),
    ("", "trợ cấp người già", "tro-cap-huu-tri-xa-hoi"),
    ("", "giay xac nhan khuyet tat", "xac-dinh-muc-do-khuyet-tat"),
    ("", "tien mai tang", "ho-tro-chi-phi-mai-tang"),
    ("", "nha bi sap do bao lu", "tro-giup-xa-hoi-khan-cap"),
    ("", "nhan con nuoi", "dang-ky-nuoi-con-nuoi-trong-nuoc"),
    ("", "giam ho tre mo coi", "dang-ky-giam-ho"),
    ("", "nhan cha cho con", "dang-ky-nhan-cha-me-con"),
    ("", "ban sao giay khai sinh", "cap-ban-sao-trich-luc-ho-tich"),
    ("", "bao hiem y te cho tre em", "lien-thong-khai-sinh-thuong-tru-bhyt"),
    ("", "khach ngu lai qua dem", "thong-bao-luu-tru"),
    ("", "1.001193", "dang-ky-khai-sinh"),
    ("", "2.000884", "chung-thuc-chu-ky"),
    ("", "001193", "dang-ky-khai-sinh"),
    ("", "dang ky thuong t", "dang-ky-thuong-tru"),  # still typing
    ("", "chung thuc di c", "chung-thuc-di-chuc"),
    ("en/", "birth registration", "dang-ky-khai-sinh"),
    ("en/", "get married", "dang-ky-ket-hon"),
    ("en/", "marriage certificate", "dang-ky-ket-hon"),
    ("en/", "permanent residence", "dang-ky-thuong-tru"),
    ("en/", "certified copy", "chung-thuc-ban-sao-tu-ban-chinh"),
    ("en/", "dang ky khai sinh", "dang-ky-khai-sinh"),
    ("rad/", "dang ky khai sinh", "dang-ky-khai-sinh"),
    ("rad/", "ho khau", "dang-ky-thuong-tru"),
]
