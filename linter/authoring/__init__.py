"""fcschema.authoring"""
