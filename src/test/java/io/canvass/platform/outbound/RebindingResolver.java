package io.canvass.platform.outbound;

import jakarta.enterprise.inject.Vetoed;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A resolver for one made-up name that answers one address for the first lookups and another
 * afterwards, as a DNS server set up for rebinding would; every other name resolves as usual.
 * Installed in place of {@link HostResolver} with {@code QuarkusMock}.
 */
@Vetoed
public class RebindingResolver extends HostResolver {

    private final String name;
    private final int firstLookups;
    private final String first;
    private final String later;
    private final AtomicInteger lookups = new AtomicInteger();

    public RebindingResolver(String name, int firstLookups, String first, String later) {
        this.name = name;
        this.firstLookups = firstLookups;
        this.first = first;
        this.later = later;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (!host.equalsIgnoreCase(name)) {
            return super.resolve(host);
        }
        String answer = lookups.incrementAndGet() <= firstLookups ? first : later;
        return new InetAddress[] { InetAddress.getByAddress(host, InetAddress.getByName(answer).getAddress()) };
    }

    /** How often the name was looked up. */
    public int lookups() {
        return lookups.get();
    }
}
