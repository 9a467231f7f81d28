"""fcschema.emitters"""
