"""Thai message and fix of every problem kind, for the officers who read them.

Kept beside the English registry (`generator/kinds.py`) under the same codes and with the
same `{placeholders}`; a test fails when a kind has no Thai text or uses a placeholder its
English text does not fill. Values that come from the input (file names, dates, links)
are shown as found; technical hints from the parser stay in English inside the Thai text.
"""

from generator.problems import thai

# --- reading files ------------------------------------------------------------------------
thai("file-unreadable", "อ่านไฟล์ไม่ได้: {value}",
     "ตรวจว่ามีไฟล์อยู่จริงและมีสิทธิ์เปิดอ่านไฟล์นี้")
thai("file-too-large", "ไฟล์มีขนาด {value} แต่ไฟล์ข้อมูลและ Markdown ต้องไม่เกิน {limit} ไบต์",
     "เอกสารขนาดใหญ่ให้บันทึกเป็น PDF ไว้ในโฟลเดอร์ content/ แล้วอ้างเป็นหลักฐาน (`file:`)")
thai("encoding", "ไฟล์ไม่ได้บันทึกเป็นข้อความ UTF-8 ({value}; น่าจะเป็น {guess})",
     "เปิดไฟล์ด้วยโปรแกรมแก้ไขข้อความแล้วบันทึกเป็น UTF-8 (ใน Notepad: Save As → Encoding: "
     "UTF-8)")
thai("encoding-utf16", "ไฟล์บันทึกเป็น UTF-16 โปรแกรมอ่านได้ แต่โปรแกรมอื่นอาจอ่านไม่ได้",
     "บันทึกไฟล์ใหม่เป็น UTF-8")
thai("yaml-syntax", "อ่านส่วน YAML ไม่ได้: {reason} ใกล้ `{value}`",
     "ตรวจการย่อหน้า เครื่องหมาย `:` หลังชื่อข้อมูล (`ชื่อ: ค่า`) และเครื่องหมายคำพูดในบรรทัดนี้")
thai("yaml-tab", "ใช้แท็บ (Tab) ย่อหน้าใกล้ `{value}`",
     "ย่อหน้าด้วยการเว้นวรรคเท่านั้น (ระดับละ 2 ช่อง) YAML ไม่รับแท็บ")
thai("yaml-duplicate-key", "ชื่อข้อมูล `{value}` ซ้ำกัน (ครั้งแรกที่บรรทัด {first}) "
     "ค่าที่สองจึงไม่ถูกใช้",
     "เหลือ `{value}:` ไว้เพียงครั้งเดียว แล้วรวมค่าของทั้งสองแห่งไว้ด้วยกัน")
thai("yaml-unsupported", "ไฟล์นี้ไม่รองรับ {value}", "เขียนค่าออกมาให้ครบทุกค่า")
thai("front-matter-unclosed", "ไฟล์ขึ้นต้นด้วย `---` แต่ไม่มีบรรทัด `---` ปิดส่วนหัว YAML",
     "เพิ่มบรรทัดที่มีเพียง `---` ต่อจากบรรทัด YAML บรรทัดสุดท้าย")
thai("field-missing", "ไม่มี `{field}` (ต้องเป็น {expected})", "เพิ่ม `{field}` เป็น {expected}")
thai("field-type", "`{field}` เป็น `{value}` แต่ต้องเป็น {expected}",
     "แก้ `{field}` ให้เป็น {expected}")
thai("field-value", "`{field}` เป็น `{value}` แต่ต้องเป็น {expected}{hint}",
     "แก้ `{field}` ให้เป็น {expected}")
thai("field-unknown", "ไม่รู้จักชื่อข้อมูล `{value}`{hint} ค่านี้จะไม่ถูกใช้",
     "เปลี่ยนชื่อเป็นชื่อใดชื่อหนึ่งต่อไปนี้: {allowed}")
thai("catalogue-invalid", "เกณฑ์ (catalogue) ไม่ถูกต้อง: {reason}", "แก้ไขไฟล์เกณฑ์")
thai("catalogue-missing", "ไม่มีเกณฑ์ OIT ของปีงบประมาณ {year} (มีเฉพาะ: {available})",
     "ใช้ปีที่มีเกณฑ์ หรือระบุไฟล์เกณฑ์ด้วย --catalogue")
thai("config-missing", "ไม่พบ site_config.yml ใน {value}",
     "เรียก prongsai ในโฟลเดอร์ที่มี site_config.yml และ content/ หรือระบุ --project DIR")
thai("year-folder-invalid", "`{value}` ดูเหมือนโฟลเดอร์ปี แต่ไม่ใช่ปีงบประมาณ พ.ศ.",
     "ตั้งชื่อโฟลเดอร์ปีเป็นปีงบประมาณ พ.ศ. เช่น content/2568/")
thai("date-invalid", "อ่านวันที่ `{value}` ไม่ได้: {reason}",
     "เขียนวันที่แบบ 2568-10-21 หรือ 21 ตุลาคม 2568 ({hint})")
thai("date-era", "วันที่ `{value}` ใช้ปี ค.ศ.", "ใช้ปี พ.ศ. ({hint})")
thai("period-invalid", "อ่านช่วงเวลา `{value}` ไม่ได้: {reason}",
     "เขียนช่วงเวลาแบบ 2566-2570, 2568, 2567-10 หรือ 2567-10 ถึง 2568-03 ({hint})")

# --- the catalogue against the content ----------------------------------------------------
thai("item-file-missing", "ข้อ {item} ยังไม่มีไฟล์ของปีงบประมาณ {year}",
     "สร้างไฟล์ {expected_file} (คัดลอกจากปีก่อน หรือใช้คำสั่ง `prongsai new-year`)")
thai("item-unknown", "`{value}` ไม่ใช่ข้อในเกณฑ์ปี {year}{hint}",
     "เปลี่ยนชื่อไฟล์เป็นเลขข้อตามเกณฑ์ (o1 … {last}) หรือย้ายไฟล์ออกจากโฟลเดอร์ oit/")
thai("item-duplicate", "ข้อ {item} มีสองไฟล์: {value}", "เหลือไฟล์เดียวต่อข้อ แล้วรวมเนื้อหาไว้ด้วยกัน")
thai("component-unmet", "ข้อ {item} องค์ประกอบ `{component}` ({title}) ยังไม่มีหลักฐาน",
     "เพิ่มหลักฐานที่มี `components: [{component}]` ในไฟล์ {expected_file}")
thai("item-no-evidence", "ข้อ {item} ยังไม่มีรายการหลักฐาน",
     "เพิ่มรายการ `evidence:` ในไฟล์ {expected_file}")
thai("component-unknown", "ข้อ {item} ไม่มีองค์ประกอบ `{value}`{hint}",
     "ใช้รหัสองค์ประกอบต่อไปนี้เท่านั้น: {allowed}")
thai("evidence-duplicate", "ข้อ {item} มีหลักฐานเดียวกันสองรายการ: {value} "
     "(รายการแรกคือ evidence[{first}] บรรทัด {first_line})",
     "เหลือไว้รายการเดียว และระบุทุกองค์ประกอบที่เอกสารนั้นตอบไว้ใน `components:` ของรายการนั้น")
thai("evidence-no-source", "หลักฐาน “{value}” ไม่มีทั้ง `url` และ `file`",
     "เพิ่ม `url: https://…` หรือ `file: <ที่อยู่ไฟล์ใน content/>`")
thai("evidence-no-components", "หลักฐาน “{value}” ไม่ได้ระบุว่าตอบองค์ประกอบใด",
     "เพิ่ม `components: [..]` โดยใช้รหัสต่อไปนี้: {allowed}")
thai("evidence-date-missing", "ข้อ {item} ต้อง{rule_th} แต่หลักฐาน “{value}” ไม่มี `date` หรือ "
     "`period`",
     "เพิ่ม `date:` ตามวันที่ในเอกสาร (เช่น `date: 2568-01-15`) หรือ `period:` ตามช่วงเวลาที่เอกสาร"
     "ครอบคลุม (เช่น `period: 2567-10 ถึง 2568-03`)")
thai("evidence-out-of-year", "ข้อ {item} หลักฐาน “{title}” ลงวันที่ {value} ซึ่งอยู่นอกปีงบประมาณ "
     "{year} ({span})",
     "อ้างเอกสารของปีงบประมาณ {year} หรือแก้วันที่ให้ถูกต้อง")
thai("period-not-covering", "ข้อ {item} ต้องเป็นแผนที่มีผลบังคับใช้ตลอดปีงบประมาณ {year} แต่ "
     "“{title}” {found_th}",
     "อ้างแผนที่มีผลในปี {year} (เช่น แผนปี 2566–2570) และระบุปีที่แผนครอบคลุมใน `period:` "
     "(เช่น `period: 2566-2570`)")
thai("period-first-half", "ข้อ {item} ต้องมีข้อมูล 6 เดือนแรกของปีงบประมาณ {year} "
     "ยังขาด: {value}",
     "เพิ่มข้อมูลสถิติช่วง {span} และระบุเดือนที่ครอบคลุมใน `period:` (เช่น `period: {example}`)")
thai("period-both-halves", "ข้อ {item} ต้องมีข้อมูลครบทั้งสองรอบ 6 เดือนของปีงบประมาณ {year} "
     "ยังขาด: {value}",
     "เพิ่มหลักฐานของเดือนที่ขาด และระบุเดือนที่ครอบคลุมใน `period:` (เช่น `period: {example}`)")
thai("period-months-missing", "ข้อ {item} ต้องมีรายงานทุกเดือนจนถึง {as_of} ยังขาด: {value}",
     "เพิ่มหลักฐานเดือนละหนึ่งรายการ โดยระบุเดือนใน `period:` (เช่น `period: {example}` "
     "ปี พ.ศ.-เดือน)")
thai("na-without-reason", "ข้อ {item} ระบุว่าไม่เกี่ยวข้อง แต่ไม่ได้ให้เหตุผล",
     "เขียน `not_applicable: <เหตุผล เช่น หน่วยงานไม่มีภารกิจด้านนี้>`")
thai("executive-incomplete", "ผู้บริหาร “{value}” ไม่มี{field_th}",
     "เพิ่ม {keys} ให้ผู้บริหารคนนี้ใน site_config.yml")
thai("executives-missing", "site_config.yml ไม่มีรายชื่อผู้บริหาร",
     "เพิ่มรายการ `executives:` ใน site_config.yml")
thai("contact-incomplete", "ยังไม่ได้ระบุ{field}ของหน่วยงาน (`{key}`)",
     "เพิ่ม `{example}` ใต้ `council:` ใน site_config.yml")
thai("eit-survey-missing", "ยังไม่ได้ระบุลิงก์แบบวัด EIT (eit_survey_url) ของปีงบประมาณ {year} "
     "ข้อ o28 ต้องแสดง QR code แบบวัด EIT",
     "เพิ่ม `eit_survey_url: https://…` ใน site_config.yml (รายปีใต้ `years:` หรือที่ระดับบนสุด)")
thai("measures-unreported", "มาตรการ “{value}” ตามข้อ o27 ยังไม่รายงานผลรอบ `{round}` "
     "(6m = รอบ 6 เดือน ต.ค.–มี.ค., 12m = รอบ 12 เดือน) ซึ่งถึงกำหนดแล้ว",
     "เพิ่ม `{round}:` พร้อม `status:` `date:` `output:` และ `outcome:` ใต้ `progress:` "
     "ของมาตรการนี้")

# --- evidence files and links -------------------------------------------------------------
thai("file-missing", "ข้อ {item} ไม่พบไฟล์หลักฐาน `{value}`{hint}",
     "วางไฟล์ไว้ในโฟลเดอร์ content/ และเขียนที่อยู่ไฟล์โดยเริ่มจากใน content/ (เช่น `files/…`)")
thai("file-empty", "ข้อ {item} ไฟล์หลักฐาน `{value}` ว่างเปล่า (0 ไบต์)",
     "แทนที่ด้วยไฟล์เอกสารจริง")
thai("file-outside-content", "ข้อ {item} ไฟล์หลักฐาน `{value}` อยู่นอกโฟลเดอร์ content/",
     "คัดลอกเอกสารมาไว้ใน content/ และเขียนที่อยู่ไฟล์โดยเริ่มจากใน content/ "
     "(ห้ามใช้ `..` หรือขึ้นต้นด้วย /)")
thai("file-type-mismatch", "ข้อ {item} ไฟล์หลักฐาน `{value}` ไม่ใช่ไฟล์ {expected} "
     "(ดูเหมือน {found})",
     "ส่งออก (export) เอกสารใหม่เป็น {expected} หรือแก้นามสกุลของชื่อไฟล์ให้ตรงกับชนิดไฟล์")
thai("file-type-unsupported", "ข้อ {item} ไฟล์หลักฐาน `{value}` มีนามสกุล `{ext}`",
     "เผยแพร่เอกสารเป็น PDF (รูปภาพเป็น PNG หรือ JPEG) เพื่อให้ทุกคนเปิดอ่านได้")
thai("url-malformed", "ข้อ {item} ลิงก์ `{value}` ไม่ใช่ที่อยู่เว็บที่ถูกต้อง: {why}",
     "คัดลอกที่อยู่เต็มจากช่องที่อยู่ของเบราว์เซอร์ (ขึ้นต้นด้วย https://)")
thai("url-scheme", "ข้อ {item} ลิงก์ `{value}` เป็นชนิด `{scheme}:` แต่หลักฐานต้องเป็นหน้าเว็บ "
     "(https:// หรือ http://)",
     "ลิงก์ไปยังหน้าเว็บ (https://…) หรือวางเอกสารไว้ใน content/")
thai("url-local", "ข้อ {item} ลิงก์ `{value}` ชี้ไปยัง {why} ผู้ประเมินและประชาชนเปิดไม่ได้",
     "อัปโหลดเอกสารขึ้นเว็บไซต์สาธารณะของหน่วยงาน หรือวางไว้ใน content/")
thai("url-login", "ข้อ {item} ลิงก์ `{value}` น่าจะเป็นลิงก์ส่วนตัวของ {service} "
     "ที่ต้องเข้าสู่ระบบก่อน",
     "ตั้งค่าแชร์เป็นสาธารณะ (ทุกคนที่มีลิงก์) หรือวางเอกสารไว้ใน content/")
thai("file-type-unsafe", "ข้อ {item} ไฟล์หลักฐาน `{value}` เป็นไฟล์ `{ext}` "
     "ซึ่งอาจรันสคริปต์บนเว็บไซต์ได้",
     "เผยแพร่เอกสารเป็น PDF (รูปภาพเป็น PNG หรือ JPEG)")
thai("measures-missing", "ปีงบประมาณ {year} ไม่มีไฟล์มาตรการ ข้อ o28 จึงรายงานผลตามมาตรการ "
     "ข้อ o27 ไม่ได้",
     "สร้างไฟล์ content/{year}/measures.yml (ดู docs/content-format.md)")
thai("url-shared", "ลิงก์เดียวกัน `{value}` ใช้เป็นหลักฐานของหลายข้อต่างตัวชี้วัดย่อย: {items}",
     "ลิงก์ไปยังเอกสารเฉพาะของแต่ละข้อ ไม่ใช่หน้าเว็บรวม")
thai("markdown-html", "นำ HTML `{value}` ออกจากข้อความแล้ว (คงไว้เฉพาะแท็กที่ปลอดภัย: {allowed})",
     "เขียนด้วย Markdown แทน (เช่น **ตัวหนา**, [ลิงก์](https://…), ตารางด้วย |)")
thai("markdown-link-scheme", "ข้อความมีลิงก์ไปยัง `{value}` ซึ่งเผยแพร่ไม่ได้ "
     "(ได้เฉพาะ https, http, mailto, tel และไฟล์)",
     "ลบลิงก์นั้น หรือลิงก์ไปยังหน้าเว็บ")
thai("page-invalid", "หน้าเนื้อหาไม่ถูกต้อง: {reason}", "แก้ตามคำแนะนำในข้อความ: {hint}")

# --- assessment results -------------------------------------------------------------------
thai("assessment-no-rules", "ไม่มีเกณฑ์คะแนน ITA ของปีงบประมาณ {year} "
     "จึงตรวจคะแนนรวมและระดับผลที่กรอกไม่ได้",
     "เพิ่มไฟล์ generator/rules/{year}.yml (น้ำหนักและเกณฑ์ระดับผลของปีนั้น)")
thai("assessment-unknown-tool", "เครื่องมือ `{value}` ไม่ใช่เครื่องมือของปีนั้น ({allowed})",
     "ใช้ชื่อเครื่องมือของปีนั้น: {allowed}")
thai("assessment-overall-mismatch", "คะแนนรวมที่กรอก {value} ไม่ตรงกับที่คำนวณตามเกณฑ์ของปี: "
     "{computed} = {formula}",
     "ตรวจคะแนนรายเครื่องมือและคะแนนรวมกับผลที่ประกาศ")
thai("assessment-label-mismatch", "ระดับผลที่กรอก `{value}` ไม่ตรงกับ `{computed}` "
     "ซึ่งเกณฑ์ของปีให้สำหรับคะแนนรวม {overall} และคะแนนรายเครื่องมือ {tools}",
     "ตรวจระดับผลกับผลที่ประกาศ (บางเกณฑ์กำหนดให้ทุกเครื่องมือต้องถึงเกณฑ์ด้วย)")
thai("control-character", "คอลัมน์ {column} มีอักขระควบคุมที่มองไม่เห็น {value} ซึ่ง YAML ไม่รับ "
     "(มักติดมากับข้อความที่คัดลอกจาก Word หรือ Excel)",
     "ลบอักขระนั้น: พิมพ์ข้อความตรงนั้นใหม่ หรือวางแบบข้อความธรรมดา (plain text)")
thai("text-html", "`{field}` มีแท็ก HTML `{value}` ช่องข้อความจะเผยแพร่เป็นข้อความธรรมดา",
     "ลบแท็กออก (เขียนข้อความธรรมดา การจัดรูปแบบให้เขียนใน Markdown ใต้เส้น `---` เส้นที่สอง)")
