package io.github.cptestkit.mock.internal.server;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BoundedRequestJournalTest {

    static ServeEvent event(int n) {
        return ServeEvent.of(ImmutableRequest.create().withAbsoluteUrl("http://localhost:8080/" + n)
                .withMethod(RequestMethod.GET).build());
    }

    static List<String> urls(BoundedRequestJournal journal) {
        return journal.getAll().map(event -> event.getRequest().getUrl()).toList();
    }

    @Test
    void addingBeyondTheBoundDropsTheOldestAndTheNewestComesFirst() {
        BoundedRequestJournal journal = new BoundedRequestJournal(3);
        for (int n = 1; n <= 5; n++) {
            journal.add(event(n));
        }

        assertThat(urls(journal)).containsExactly("/5", "/4", "/3");
        assertThat(journal.getAllKeys()).hasSize(3);
    }

    @Test
    void anAnswerRecordedForADroppedRequestDoesNotBringItBack() {
        BoundedRequestJournal journal = new BoundedRequestJournal(1);
        ServeEvent first = event(1);
        journal.add(first);
        journal.add(event(2));

        journal.put(first.getId(), first);

        assertThat(journal.get(first.getId())).isEmpty();
        assertThat(urls(journal)).containsExactly("/2");
    }

    @Test
    void anAnswerRecordedForAKeptRequestReplacesItsEntry() {
        BoundedRequestJournal journal = new BoundedRequestJournal(2);
        ServeEvent served = event(1);
        journal.add(served);
        ServeEvent completed = served.withResponseDefinition(ResponseDefinition.ok());

        journal.put(served.getId(), completed);

        assertThat(journal.get(served.getId())).containsSame(completed);
    }

    @Test
    void removingAndClearingKeepTheBoundCounted() {
        BoundedRequestJournal journal = new BoundedRequestJournal(2);
        List<UUID> ids = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            ServeEvent event = event(n);
            ids.add(event.getId());
            journal.add(event);
        }
        journal.remove(ids.get(0));
        journal.add(event(3));
        assertThat(urls(journal)).containsExactly("/3", "/2");

        journal.clear();
        journal.add(event(4));
        journal.add(event(5));
        journal.add(event(6));
        assertThat(urls(journal)).containsExactly("/6", "/5");
    }

    @Test
    void installingReplacesOnlyWireMocksInMemoryJournal() {
        WireMockConfiguration options = options();
        var stubs = options.getStores().getStubStore();

        BoundedRequestJournal.install(options, 10);

        assertThat(options.getStores().getRequestJournalStore()).isInstanceOf(BoundedRequestJournal.class);
        assertThat(options.getStores().getStubStore()).isSameAs(stubs);
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedRequestJournal(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxEntries must be 1 or more, but was 0");
    }
}
