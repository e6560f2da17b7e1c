package io.canvass.platform.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into its addresses with the system resolver (hosts file, then DNS). Blocking:
 * {@link OutboundGuard} calls it on a worker thread, never on the event loop. A bean of its own so
 * that tests can answer differently from one lookup to the next, as a rebinding DNS server would.
 */
@ApplicationScoped
public class HostResolver {

    /** Every address of the host (an address literal resolves to itself without a lookup). */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
