// Runs after the project is generated. In batch mode (-B, or every property given on the command
// line) the archetype plugin does not apply the validationRegex of archetype-metadata.xml, so the
// two properties that become Java names, a package and a bundle name are checked here.
def rules = [
    partnerId  : [~/[a-z][a-z0-9]{1,19}/, 'lower-case letters and digits, starting with a letter, 2 to 20 long (rvdk, ggz, pmw)'],
    classPrefix: [~/[A-Z][A-Za-z0-9]*/, 'a Java class name prefix starting with a capital (Pmw)'],
]
def wrong = rules.findAll { key, rule -> !(request.properties.getProperty(key, '') ==~ rule[0]) }
if (wrong) {
    def generated = new File(request.outputDirectory, request.artifactId)
    throw new IllegalArgumentException(wrong.collect { key, rule -> "-D${key} must be ${rule[1]}" }.join('; ')
            + ". Delete ${generated} and generate again.")
}
