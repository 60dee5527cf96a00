// Runs after "mvn verify" of the generated project passed (its unit tests and the conformance
// suite): checks what the build left for an operator, the bundle and the KAR.
import java.util.jar.JarFile

// maven-archetype-plugin 3.3.1 passes the generated project's folder in the map "context"
def target = new File(context.projectDir, 'target')
def name = 'zorgtafel-partner-pmw-0.1.0-SNAPSHOT'

def bundle = new File(target, name + '.jar')
assert bundle.isFile() : 'the bundle was not built'
def manifest = new JarFile(bundle).withCloseable { it.manifest.mainAttributes }
assert manifest.getValue('Bundle-SymbolicName') == 'nl.zorgtafel.partner.pmw'
assert manifest.getValue('Export-Package') == null : 'an adapter exports nothing'
def imports = manifest.getValue('Import-Package')
assert imports.contains('nl.zorgtafel.api.partner;version="[1.0,2)"') : 'imports the versioned API: ' + imports
assert !imports.contains('nl.zorgtafel.core') : 'imports nothing of the core: ' + imports
assert manifest.getValue('Service-Component') == 'OSGI-INF/nl.zorgtafel.partner.pmw.internal.PmwAdapter.xml'

def kar = new File(target, name + '.kar')
assert kar.isFile() : 'the KAR was not built'
def entries = new JarFile(kar).withCloseable { jar -> jar.entries().collect { it.name }.findAll { !it.endsWith('/') } }
def repository = 'repository/nl/zorgtafel/it/zorgtafel-partner-pmw/0.1.0-SNAPSHOT/'
[name + '.jar', name + '-features.xml', name + '-partner-pmw.cfg'].each {
    assert entries.contains(repository + it) : 'the KAR holds ' + it + ': ' + entries
}
// anything outside repository/ would be unpacked into the Karaf folder
assert entries.every { it.startsWith('repository/') || it == 'META-INF/MANIFEST.MF' } : entries

def report = new File(target, 'surefire-reports/TEST-nl.zorgtafel.partner.pmw.internal.PmwConformanceTest.xml')
assert report.isFile() : 'the conformance suite did not run'
assert (report.text =~ /tests="(\d+)"/)[0][1].toInteger() >= 20 : 'the conformance suite ran too few tests'

return true
