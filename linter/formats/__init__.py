"""fcschema.formats"""
