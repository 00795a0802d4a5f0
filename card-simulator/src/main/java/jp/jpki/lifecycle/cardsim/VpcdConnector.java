package jp.jpki.lifecycle.cardsim;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a virtual card into a vsmartcard-vpcd reader of the real pcscd, so PC/SC clients (javax.smartcardio,
 * OpenSC) talk to it. The card is the TCP client of vpcd (default port 35963 for reader slot 0); every message is
 * a 2-byte big-endian length and a payload: one byte is a control (00 power off, 01 power on, 02 reset, 04 get
 * ATR, which alone is answered), anything longer is a C-APDU answered with the whole R-APDU (vsmartcard
 * virtualsmartcard/src/vpcd/vpcd.c). The card reconnects when pcscd restarts.
 */
public final class VpcdConnector implements AutoCloseable {

    public static final int DEFAULT_PORT = 35963;
    private static final Logger log = LoggerFactory.getLogger(VpcdConnector.class);
    private static final int POWER_OFF = 0x00;
    private static final int POWER_ON = 0x01;
    private static final int RESET = 0x02;
    private static final int GET_ATR = 0x04;

    private final VirtualJpkiCard card;
    private final InetSocketAddress vpcd;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Socket socket;

    public VpcdConnector(VirtualJpkiCard card, String host, int port) {
        this.card = card;
        this.vpcd = new InetSocketAddress(host, port);
        this.thread = new Thread(this::serve, "vpcd-card-" + card.cardId());
        thread.setDaemon(true);
    }

    public VpcdConnector start() {
        thread.start();
        return this;
    }

    @Override
    public void close() {
        running = false;
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        while (running) {
            try (Socket s = new Socket()) {
                s.setTcpNoDelay(true);
                s.connect(vpcd, 2000);
                socket = s;
                log.debug("card {} inserted into vpcd at {}", card.cardId(), vpcd);
                exchange(s);
            } catch (IOException e) {
                if (running) {
                    pause(); // vpcd not up yet, or pcscd restarted: try again, as a re-inserted card would
                }
            }
        }
    }

    private void exchange(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        OutputStream out = s.getOutputStream();
        while (running) {
            quickAck(s);
            int length;
            try {
                length = in.readUnsignedShort();
            } catch (EOFException closed) {
                return;
            }
            byte[] message = in.readNBytes(length);
            if (message.length != length) {
                return;
            }
            if (length == 1) {
                switch (message[0] & 0xFF) {
                    case POWER_OFF, POWER_ON, RESET -> card.reset();
                    case GET_ATR -> send(out, VirtualJpkiCard.ATR);
                    default -> log.debug("vpcd control {} ignored", message[0] & 0xFF);
                }
            } else if (length > 1) {
                send(out, card.process(message));
            }
        }
    }

    /**
     * Debian 12's vpcd writes length and payload in two segments without TCP_NODELAY; with delayed ACKs on our
     * side every APDU then stalls about 40 ms (feasibility-pcsc.md §2.3). Quick-ACK mode has to be renewed
     * before each read because Linux leaves it on its own.
     */
    private static void quickAck(Socket s) throws IOException {
        if (s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK)) {
            s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        }
    }

    /** Length and payload in one write, so our side never splits a frame. */
    private static void send(OutputStream out, byte[] payload) throws IOException {
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
