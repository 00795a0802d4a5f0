package jp.jpki.lifecycle.standalone;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded default keeps its data.
 *
 * @param dataDir   root of everything the embedded default writes (events, projections, CA keystore, cards);
 *                  {@code ./data} unless {@code jpki.data-dir} says otherwise
 * @param mongoPort port of the in-process MongoDB-wire server on 127.0.0.1; 0 picks a free one
 * @param database  database name used for projections, tokens and sagas
 */
@ConfigurationProperties(prefix = "jpki")
public record EmbeddedStoresProperties(@DefaultValue("./data") Path dataDir,
                                       @DefaultValue("0") int mongoPort,
                                       @DefaultValue("jpki") String database) {
}
