"""The single-machine production setup serves uploaded images from /media/ (portal/media.py),
and nothing else there: documents only through Wagtail's view, which checks privacy."""

from django.test import TestCase

from . import factories as f


class TestMediaServing(TestCase):
    def test_images_and_renditions_are_served(self):
        image = f.ImageFactory()
        rendition = image.get_rendition("fill-96x96|format-webp")
        for url in (image.file.url, rendition.url):
            with self.subTest(url=url):
                response = self.client.get(url)
                assert response.status_code == 200
                assert response["Content-Type"].startswith("image/")
                assert b"".join(response.streaming_content)[:4] in (b"\x89PNG", b"RIFF")

    def test_documents_and_paths_out_of_the_folders_are_not(self):
        document = f.DocumentFactory()
        assert self.client.get(document.file.url).status_code == 404
        assert self.client.get("/media/images/../documents/x.pdf").status_code == 404
        assert self.client.get("/media/images/missing.png").status_code == 404
        assert self.client.get("/media/%2e%2e/%2e%2e/etc/passwd").status_code == 404
