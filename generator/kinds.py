"""The registry of problem kinds. Codes are stable: tools and reviewers rely on them.

Every kind is documented in the README (a test checks it) with its Thai and English title
and its fix. Templates use `{value}`, `{item}`, `{component}`, `{year}` and named params.
"""

from generator.problems import ERROR, WARNING, kind

# --- reading files (group "input") --------------------------------------------------------
kind("file-unreadable", ERROR, "อ่านไฟล์ไม่ได้", "File cannot be read",
     "cannot read the file: {value}", "check that the file exists and you may read it",
     "input")
kind("file-too-large", ERROR, "ไฟล์ข้อมูลใหญ่เกินไป", "Data file too large",
     "the file is {value}; data and Markdown files are limited to {limit} bytes",
     "put large documents in a PDF under content/ and link it as evidence", "input")
kind("encoding", ERROR, "ไฟล์ไม่ได้บันทึกเป็น UTF-8", "File is not UTF-8",
     "the file is not UTF-8 text ({value}; looks like {guess})",
     "open it in a text editor and save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
     "input")
kind("encoding-utf16", WARNING, "ไฟล์บันทึกเป็น UTF-16", "File is UTF-16",
     "the file is saved as UTF-16; it was read, but other tools may not read it",
     "save it as UTF-8", "input")
kind("yaml-syntax", ERROR, "รูปแบบ YAML ผิด", "YAML syntax error",
     "the YAML cannot be read: {reason} near `{value}`",
     "check the indentation, the `key: value` colons and the quotes on this line", "input")
kind("yaml-tab", ERROR, "ใช้แท็บในการย่อหน้า YAML", "Tab in YAML indentation",
     "a tab character is used for indentation near `{value}`",
     "indent with spaces only (2 spaces per level); YAML does not allow tabs", "input")
kind("yaml-duplicate-key", ERROR, "คีย์ซ้ำใน YAML", "Duplicate YAML key",
     "the key `{value}` appears twice (first at line {first}); the second one was not used",
     "keep one `{value}:` and merge what the two said", "input")
kind("yaml-unsupported", ERROR, "ใช้รูปแบบ YAML ที่ไม่รองรับ", "Unsupported YAML feature",
     "{value} is not supported in these files", "write the values out in full", "input")
kind("front-matter-unclosed", ERROR, "ส่วนหัว YAML ไม่มีบรรทัดปิด", "Front matter not closed",
     "the file starts with `---` but the front matter has no closing `---` line",
     "add a line with only `---` after the last YAML line", "input")
kind("field-missing", ERROR, "ขาดข้อมูลที่ต้องมี", "Required field missing",
     "`{field}` is missing; expected {expected}", "add `{field}` with {expected}", "input")
kind("field-type", ERROR, "ชนิดข้อมูลไม่ถูกต้อง", "Wrong type of value",
     "`{field}` is `{value}`; expected {expected}", "write `{field}` as {expected}", "input")
kind("field-value", ERROR, "ค่าไม่ถูกต้อง", "Invalid value",
     "`{field}` is `{value}`; expected {expected}{hint}", "write `{field}` as {expected}",
     "input")
kind("field-unknown", ERROR, "ชื่อข้อมูลที่ไม่รู้จัก", "Unknown field",
     "unknown field `{value}`{hint}; the value would be ignored",
     "rename it to one of: {allowed}", "input")
kind("catalogue-invalid", ERROR, "เกณฑ์ (catalogue) ไม่ถูกต้อง", "Invalid catalogue",
     "the catalogue is invalid: {reason}", "fix the catalogue file", "input")
kind("catalogue-missing", ERROR, "ไม่มีเกณฑ์ของปีงบประมาณนี้", "No catalogue for the year",
     "there is no OIT catalogue for fiscal year {year}; available: {available}",
     "use one of the available years, or pass a catalogue file with --catalogue", "input")
kind("config-missing", ERROR, "ไม่พบ site_config.yml", "site_config.yml not found",
     "no site_config.yml in {value}", "run prongsai in the folder that holds site_config.yml "
     "and content/, or pass --project DIR", "input")
kind("year-folder-invalid", ERROR, "ชื่อโฟลเดอร์ปีไม่ถูกต้อง", "Invalid year folder",
     "`{value}` looks like a year folder but is not a Buddhist-era fiscal year",
     "name year folders by fiscal year, e.g. content/2568/", "input")
kind("date-invalid", ERROR, "วันที่ไม่ถูกต้อง", "Invalid date",
     "the date `{value}` cannot be read: {reason}", "{hint}")
kind("date-era", ERROR, "ปีเป็น ค.ศ. ไม่ใช่ พ.ศ.", "Christian-era year",
     "the date `{value}` uses a Christian-era year", "{hint}")
kind("period-invalid", ERROR, "ช่วงเวลาไม่ถูกต้อง", "Invalid period",
     "the period `{value}` cannot be read: {reason}", "{hint}")

# --- the catalogue against the content ----------------------------------------------------
kind("item-file-missing", ERROR, "ไม่มีไฟล์ของข้อ", "Item file missing",
     "{item} has no file for fiscal year {year}",
     "create {expected_file} (copy it from another year or run `prongsai new-year`)")
kind("item-unknown", ERROR, "ข้อที่ไม่มีในเกณฑ์", "Unknown item",
     "`{value}` is not an item of the {year} catalogue{hint}",
     "rename the file to an item id of the catalogue (o1 … {last}) or move it out of oit/")
kind("item-duplicate", ERROR, "ข้อซ้ำ", "Item defined twice",
     "{item} is defined by two files: {value}", "keep one file per item and merge them")
kind("component-unmet", ERROR, "องค์ประกอบยังไม่มีหลักฐาน", "Component without evidence",
     "{item} component `{component}` ({title}) has no evidence",
     "add evidence with `components: [{component}]` to {expected_file}")
kind("item-no-evidence", ERROR, "ข้อไม่มีหลักฐานเลย", "Item without evidence",
     "{item} lists no evidence", "add an `evidence:` list to {expected_file}")
kind("component-unknown", ERROR, "องค์ประกอบที่ไม่มีในข้อนี้", "Unknown component",
     "{item} has no component `{value}`{hint}", "use one of: {allowed}")
kind("evidence-duplicate", WARNING, "หลักฐานซ้ำ", "Duplicated evidence",
     "{item} lists the same evidence twice: {value} (first as evidence[{first}], line "
     "{first_line})",
     "keep one of the two entries and list every component it meets in its `components:`")
kind("evidence-no-source", ERROR, "หลักฐานไม่มีลิงก์หรือไฟล์", "Evidence without link or file",
     "evidence “{value}” has neither `url` nor `file`",
     "add `url: https://…` or `file: <path under content/>`")
kind("evidence-no-components", ERROR, "หลักฐานไม่ระบุองค์ประกอบ", "Evidence names no component",
     "evidence “{value}” does not say which components it meets",
     "add `components: [..]` with ids from: {allowed}")
kind("evidence-date-missing", ERROR, "หลักฐานไม่มีวันที่", "Evidence without date",
     "{item} requires {rule}, but evidence “{value}” has no `date` or `period`",
     "add `date:` with the date on the document (e.g. `date: 2568-01-15`) or `period:` with "
     "what it covers (e.g. `period: 2567-10 ถึง 2568-03`)")
kind("evidence-out-of-year", ERROR, "หลักฐานไม่อยู่ในปีงบประมาณ", "Evidence outside the fiscal year",
     "{item} evidence “{title}” is dated {value}, outside fiscal year {year} ({span})",
     "link the document of fiscal year {year}, or correct the date")
kind("period-not-covering", ERROR, "แผนไม่ครอบคลุมปีงบประมาณ", "Plan does not cover the year",
     "{item} needs a plan in force during fiscal year {year}; “{title}” {found}",
     "link the plan in force during {year} (e.g. a 2566–2570 plan) and write the years it "
     "covers in `period:` (e.g. `period: 2566-2570`)")
kind("period-first-half", ERROR, "ข้อมูลไม่ครอบคลุม 6 เดือนแรก", "First half not covered",
     "{item} needs data for the first 6 months of fiscal year {year}; missing: {value}",
     "add the statistics for {span} with the months they cover in `period:` "
     "(e.g. `period: {example}`)")
kind("period-both-halves", ERROR, "ข้อมูลไม่ครบทั้งสองรอบ 6 เดือน", "Both halves not covered",
     "{item} needs both 6-month rounds of fiscal year {year}; missing: {value}",
     "add evidence for the missing months with the months it covers in `period:` "
     "(e.g. `period: {example}`)")
kind("period-months-missing", ERROR, "รายงานรายเดือนไม่ครบ", "Monthly reports missing",
     "{item} needs a report for every month up to {as_of}; missing: {value}",
     "add one evidence per missing month, with its month in `period:` "
     "(e.g. `period: {example}`, Buddhist-era year-month)")
kind("na-without-reason", ERROR, "ระบุว่าไม่เกี่ยวข้องแต่ไม่ให้เหตุผล", "Not applicable without a reason",
     "{item} is marked not applicable without a reason",
     "write `not_applicable: <the reason, e.g. no such service in this council>`")
kind("executive-incomplete", ERROR, "ข้อมูลผู้บริหารไม่ครบ", "Executive data incomplete",
     "executive “{value}” has no {field}",
     "add {keys} to this executive in site_config.yml")
kind("executives-missing", ERROR, "ไม่มีข้อมูลผู้บริหาร", "No executives",
     "site_config.yml lists no executives", "add an `executives:` list to site_config.yml")
kind("contact-incomplete", ERROR, "ข้อมูลการติดต่อไม่ครบ", "Contact data incomplete",
     "the council's {key} ({field}) is not set",
     "add `{example}` under `council:` in site_config.yml")
kind("eit-survey-missing", ERROR, "ไม่มีลิงก์แบบสำรวจ EIT", "EIT survey URL missing",
     "eit_survey_url is not set for fiscal year {year}; o28 requires the EIT QR code",
     "add `eit_survey_url: https://…` (per year under `years:` or at top level) in "
     "site_config.yml")
kind("measures-unreported", ERROR, "ยังไม่รายงานผลมาตรการ", "Measure not reported",
     "measure “{value}” of o27 has no progress report for round `{round}` (6m: Oct–Mar, "
     "12m: the whole year), which has ended",
     "add `{round}:` with `status:`, `date:`, `output:` and `outcome:` under this measure's "
     "`progress:`")

# --- evidence files and links -------------------------------------------------------------
kind("file-missing", ERROR, "ไม่พบไฟล์หลักฐาน", "Evidence file not found",
     "{item} evidence file `{value}` does not exist{hint}",
     "put the file under content/ and give its path relative to content/")
kind("file-empty", ERROR, "ไฟล์หลักฐานว่างเปล่า", "Evidence file empty",
     "{item} evidence file `{value}` is empty (0 bytes)", "replace it with the real document")
kind("file-outside-content", ERROR, "ไฟล์หลักฐานอยู่นอก content/", "File outside content/",
     "{item} evidence file `{value}` is outside content/",
     "copy the document into content/ and use a path relative to content/ (no `..`, no /…)")
kind("file-type-mismatch", ERROR, "ชนิดไฟล์ไม่ตรงกับนามสกุล", "File type does not match extension",
     "{item} evidence file `{value}` is not a {expected} file (it looks like {found})",
     "export the document again as {expected}, or fix the file name's extension")
kind("file-type-unsupported", WARNING, "ชนิดไฟล์ที่ไม่แนะนำ", "Unusual evidence file type",
     "{item} evidence file `{value}` has extension `{ext}`",
     "publish documents as PDF (or images as PNG/JPEG) so every reader can open them")
kind("url-malformed", ERROR, "ลิงก์ไม่ถูกต้อง", "Malformed URL",
     "{item} link `{value}` is not a valid web address: {why}",
     "copy the full address from the browser, starting with https://")
kind("url-scheme", ERROR, "ลิงก์ชนิดที่ไม่อนุญาต", "URL scheme not allowed",
     "{item} link `{value}` uses `{scheme}:`; evidence must be a web page (https:// or "
     "http://)",
     "link a web page (https://…) or put the document under content/")
kind("url-local", ERROR, "ลิงก์ชี้ไปเครื่องภายใน", "Link to a local machine",
     "{item} link `{value}` points to {why}; assessors and citizens cannot open it",
     "upload the document to the public website or put it under content/")
kind("url-login", WARNING, "ลิงก์อาจต้องเข้าสู่ระบบ", "Link may need a login",
     "{item} link `{value}` looks like a private {service} link that needs a login",
     "share it publicly (anyone with the link) or put the document under content/")
kind("file-type-unsafe", ERROR, "ชนิดไฟล์ที่ไม่ปลอดภัย", "Unsafe file type",
     "{item} evidence file `{value}` is a `{ext}` file, which could run script on the site",
     "publish the document as PDF (or an image as PNG/JPEG)")
kind("measures-missing", ERROR, "ไม่มีข้อมูลมาตรการ (o27)", "No measures data",
     "fiscal year {year} has no measures file, so o28 cannot report on the o27 measures",
     "create content/{year}/measures.yml (see docs/content-format.md)")
kind("url-shared", WARNING, "ลิงก์เดียวกันใช้หลายข้อ", "Same link for unrelated items",
     "the same link `{value}` is evidence for items of different sub-indicators: {items}",
     "link the specific document for each item, not a general page")
kind("markdown-html", WARNING, "มี HTML ในข้อความ", "Raw HTML in Markdown",
     "raw HTML `{value}` was removed from the text (only safe tags are kept: {allowed})",
     "write it in Markdown instead (e.g. **bold**, [link](https://…), tables with |)")
kind("markdown-link-scheme", ERROR, "ลิงก์ในข้อความชนิดที่ไม่อนุญาต", "Unsafe link in text",
     "the text links to `{value}`; only https, http, mailto, tel and files are published",
     "remove the link or link a web page")
kind("page-invalid", ERROR, "หน้าเนื้อหาไม่ถูกต้อง", "Invalid page",
     "{reason}", "{hint}")

# --- assessment results (issue: results, o27, o28) ----------------------------------------
kind("assessment-no-rules", WARNING, "ไม่มีเกณฑ์คะแนนของปีนี้", "No scoring rules for the year",
     "there are no ITA scoring rules for fiscal year {year}, so the entered total and label "
     "cannot be checked", "add generator/rules/{year}.yml (weights and bands of that year)")
kind("assessment-unknown-tool", WARNING, "ชื่อเครื่องมือไม่ตรงกับเกณฑ์", "Unknown tool",
     "tool `{value}` is not one of the year's tools ({allowed})",
     "use the tool names of that year: {allowed}")
kind("assessment-overall-mismatch", WARNING, "คะแนนรวมไม่ตรงกับที่คำนวณ",
     "Total disagrees with the rules",
     "the entered total {value} differs from the total the year's rules compute: {computed} "
     "= {formula}", "check the tool scores and the total against the published results")
kind("assessment-label-mismatch", WARNING, "ระดับผลการประเมินไม่ตรงกับเกณฑ์",
     "Label disagrees with the rules",
     "the entered label `{value}` differs from `{computed}`, which the year's bands give for "
     "a total of {overall} with tools {tools}",
     "check the label against the published results (bands may require every tool to reach "
     "the threshold)")

# --- typing accidents and unsafe text (issue 6: impossible to break with a typo) ----------
kind("control-character", ERROR, "มีอักขระควบคุมที่มองไม่เห็น", "Invisible control character",
     "column {column} holds the invisible control character {value}, which YAML does not "
     "allow (it usually comes with text pasted from Word or Excel)",
     "delete the character: retype the text around that position, or paste it as plain text",
     "input")
kind("text-html", ERROR, "มีแท็ก HTML ในข้อมูลที่เป็นข้อความ", "HTML tag in a text field",
     "`{field}` contains the HTML tag `{value}`; text fields are published as plain text",
     "remove the tag (write plain text; formatting belongs in the Markdown below the second "
     "`---` line)", "input")
