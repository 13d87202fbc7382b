// What every consumer project checks after its build, besides its own tests passing: the classpath the BOM gave it
// holds one Jackson 2, one JUnit 5 and SLF4J 2 at the versions this build is tested with. (SLF4J 2's "No SLF4J
// providers" notice is expected: a library brings no logging binding; the user's own, if any, is found.)
def fail = { String what -> throw new AssertionError("consumer project ${basedir.name}: ${what}") }

def log = new File(basedir, 'build.log').text
if (log.contains('BUILD FAILURE')) fail('its build failed: ' + (log.readLines().find { it.startsWith('[ERROR]') } ?: 'see build.log'))

def deps = new File(basedir, 'target/dependencies.txt')
if (!deps.isFile()) fail("no target/dependencies.txt: dependency:list did not run")
def versions = [:]
deps.eachLine { line ->
    def m = line.trim() =~ /^([\w.\-]+):([\w.\-]+):jar:([\w.\-]+):\w+/
    if (m.find()) versions["${m.group(1)}:${m.group(2)}"] = m.group(3)
}
def expect = { String ga, String version ->
    if (versions[ga] != null && versions[ga] != version)
        fail("${ga} resolved to ${versions[ga]}, the toolkit is built with ${version}; the BOM must manage it")
}
versions.findAll { ga, v -> ga.startsWith('com.fasterxml.jackson.') }.each { ga, v ->
    // jackson-annotations has carried only major.minor since 2.20.
    def wanted = ga == 'com.fasterxml.jackson.core:jackson-annotations' ?
            expectedJackson.tokenize('.').take(2).join('.') : expectedJackson
    expect(ga, wanted)
}
if (!versions.containsKey('com.fasterxml.jackson.core:jackson-databind')) fail('no jackson-databind on the classpath')
versions.findAll { ga, v -> ga.startsWith('org.junit.jupiter:') }.each { ga, v -> expect(ga, expectedJunit) }
expect('org.slf4j:slf4j-api', expectedSlf4j)

if (!(log =~ /Tests run: [1-9]\d*, Failures: 0, Errors: 0/)) fail('no test ran, or one failed (see build.log)')
['StaticLoggerBinder', 'NoClassDefFoundError', 'NoSuchMethodError'].each {
    if (log.contains(it)) fail("build.log shows '${it}': the classpath is inconsistent")
}
return true
