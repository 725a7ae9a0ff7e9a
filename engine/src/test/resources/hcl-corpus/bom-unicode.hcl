name = "with bom"
été = "unicode name"
