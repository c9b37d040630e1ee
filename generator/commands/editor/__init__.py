"""`prongsai edit`: officers edit in forms (Decap CMS) with the checklist beside them."""
